from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail_localize.fields import TranslatableField


class VocabularyTerm(DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model):
    name = models.CharField(max_length=100)
    _revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        for_concrete_model=False,
        related_query_name="testapp_term",
    )

    translatable_fields = [TranslatableField("name")]
    panels = [FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "vocabulary term"

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions
