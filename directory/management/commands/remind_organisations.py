"""Ask organisations once a year whether their entry is still correct (run daily by cron).

    manage.py remind_organisations [--dry-run]

Selects live German entries not confirmed for 11 months (see directory/confirmation.py for
the exact rule) that were not asked in the last 30 days, and e-mails each of them a
one-click "still correct" link and a link to edit the entry: to its members, each in their
own language, or — when it has none — to the entry's public e-mail address in German.
Running it twice a day sends nothing twice. Entries without any address are listed so the
KI can follow them up; they stay flagged on the editors' dashboard after 12 months.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from directory.confirmation import organisations_to_remind, send_reminder


class Command(BaseCommand):
    help = "E-mail organisations whose entry was not confirmed for 11 months."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would be e-mailed; send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        reminded = without_address = 0
        for organisation in organisations_to_remind(now):
            if dry_run:
                self.stdout.write(f"would remind: {organisation.name} (#{organisation.pk})")
                continue
            if send_reminder(organisation, now):
                reminded += 1
            else:
                without_address += 1
                self.stdout.write(f"no e-mail address: {organisation.name} (#{organisation.pk})")
        if not dry_run:
            self.stdout.write(
                f"{reminded} organisation(s) reminded, {without_address} without an address."
            )
