"""The search log: which queries readers type, how often, and whether they found anything.

No personal data: no IP address, no user, no session, no time of day — only the
normalised query, the interface language and the day, with counters. Editors use it
(Reports → "Searches without results") to see which pages are missing.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_LOGGED_QUERY_LENGTH = 100


class LoggedQuery(models.Model):
    query = models.CharField(_("query"), max_length=MAX_LOGGED_QUERY_LENGTH)
    language = models.CharField(_("language"), max_length=12)
    day = models.DateField(_("day"))
    searches = models.PositiveIntegerField(_("searches"), default=0)
    searches_without_results = models.PositiveIntegerField(_("searches without results"), default=0)

    class Meta:
        verbose_name = _("logged search")
        verbose_name_plural = _("logged searches")
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language", "day"], name="portal_search_one_row_per_day"
            )
        ]
        indexes = [models.Index(fields=["day"], name="portal_search_log_day")]

    def __str__(self):
        return f"{self.query} ({self.language}, {self.day})"
