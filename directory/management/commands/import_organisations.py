"""manage.py import_organisations FILE.csv [--dry-run]

Validates every row first; imports nothing if any row is wrong and reports the errors
by line number. Re-importing the same file changes nothing. Format: see the README.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory.importer import ImportFailed, import_organisations


class Command(BaseCommand):
    help = "Import organisations from a CSV file (all or nothing; idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Only check the file.")

    def handle(self, *args, file, dry_run, **options):
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        try:
            summary = import_organisations(text, dry_run=dry_run)
        except ImportFailed as failure:
            raise CommandError("Nothing was imported.\n" + "\n".join(failure.errors)) from failure
        if dry_run:
            self.stdout.write(self.style.SUCCESS("The file is valid. Nothing was imported."))
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(summary.created)} created, {len(summary.updated)} updated, "
                f"{len(summary.unchanged)} unchanged."
            )
        )
