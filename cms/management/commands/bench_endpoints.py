"""List the benchmark's endpoints for the current database and measure, in process, the
database queries and response sizes of each (page cache off). Used by bench/run.py."""

import gzip
import json

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from cms.bench import endpoints


class Command(BaseCommand):
    help = "Print the benchmark endpoints as JSON, with query counts and sizes."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args, host, **options):
        client = Client(HTTP_HOST=host, HTTP_ACCEPT_ENCODING="identity")
        results = []
        with override_settings(PORTAL_PAGE_CACHE_SECONDS=0):
            for name, path in endpoints():
                client.get(path)  # warm per-process caches (site root paths, templates)
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(path)
                body = b"".join(response) if response.streaming else response.content
                results.append(
                    {
                        "name": name,
                        "path": path,
                        "status": response.status_code,
                        "queries": len(queries),
                        "bytes": len(body),
                        "gzip_bytes": len(gzip.compress(body)),
                    }
                )
        self.stdout.write(json.dumps(results))
