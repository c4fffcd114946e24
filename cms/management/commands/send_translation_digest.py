from django.core.management.base import BaseCommand

from cms.translation.digest import send_digests


class Command(BaseCommand):
    help = "E-mail each translator the open translations in their languages (for cron)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=1,
            help="Mark work requested within this many days as new (default: 1).",
        )

    def handle(self, *args, days, **options):
        sent = send_digests(days=days)
        self.stdout.write(f"{sent} digest(s) sent.")
