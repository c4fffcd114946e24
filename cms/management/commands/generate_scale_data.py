"""Build a city-scale data set for the benchmark, deterministically (fixed seed).

    manage.py generate_scale_data --organisations 5000 --pages 600

Each app that has content contributes a `scale.generate(count, rng, stdout)` function:
`topics.scale` for pages, `directory.scale` for organisations. Bulk-creates where Wagtail
allows it; pages go through the tree API (treebeard) because paths must be right.

The search index is not updated object by object while generating (that was a third of
the time); it is rebuilt once at the end (`update_index`). Refuses to run on a database
that already has scale data (each generator checks).
"""

import random
import time
from contextlib import contextmanager
from importlib import import_module

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler


@contextmanager
def search_updates_paused():
    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


class Command(BaseCommand):
    help = "Generate deterministic scale data (pages and organisations)."

    def add_arguments(self, parser):
        parser.add_argument("--organisations", type=int, default=5000)
        parser.add_argument("--pages", type=int, default=600)
        parser.add_argument("--seed", type=int, default=2025)

    def handle(self, *args, organisations, pages, seed, **options):
        if connection.vendor == "postgresql":
            # Thousands of small writes: do not wait for the disk at every commit. Safe for
            # generated data (a crash loses at most the last moments; rerun on a fresh DB).
            with connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit TO off")
        modules = []
        for module_name, count in (("topics.scale", pages), ("directory.scale", organisations)):
            if count <= 0:
                continue
            try:
                modules.append((module_name, import_module(module_name), count))
            except ModuleNotFoundError:
                self.stderr.write(f"{module_name} does not exist yet; skipped.")
        for module_name, module, _count in modules:
            if module.already_generated():
                raise CommandError(
                    f"{module_name}: this database already has scale data (slugs scale-…); "
                    "drop it to generate again."
                )
        with search_updates_paused():
            for module_name, module, count in modules:
                started = time.monotonic()
                # One generator per app, each with its own stream of the same seed.
                module.generate(count, random.Random(f"{seed}-{module_name}"), self.stdout)
                self.stdout.write(f"{module_name}: {count} in {time.monotonic() - started:.0f} s")
        if modules:
            started = time.monotonic()
            call_command("update_index", verbosity=0)
            self.stdout.write(f"search index rebuilt in {time.monotonic() - started:.0f} s")
            if connection.vendor == "postgresql":
                # Fresh planner statistics and visibility maps (index-only scans): bulk
                # inserts leave the tables looking empty to the planner until autovacuum
                # comes round, as it does in production.
                with connection.cursor() as cursor:
                    # VACUUM cannot run in a transaction (the test suite wraps one).
                    cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
