"""Correction reports in the admin: a read-only list for the KI editors, where a report
can be marked as handled.

Only users with the model permissions see it (the Redaktion group gets `view` and
`change`, cms/roles.py; nobody gets `add`: reports come from the public form). Organisation
editors have neither permission, so they see no report at all — in particular none of
another organisation.
"""

import django_filters
from django import forms
from django.db.models.functions import Left
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from directory.models import CorrectionReport


class CorrectionReportForm(WagtailAdminModelForm):
    handled = forms.BooleanField(label=_("Handled"), required=False)

    class Meta:
        model = CorrectionReport
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handled"].initial = self.instance.handled_at is not None

    def save(self, commit=True):
        if self.cleaned_data["handled"]:
            self.instance.handled_at = self.instance.handled_at or timezone.now()
        else:
            self.instance.handled_at = None
        return super().save(commit=commit)


class CorrectionReportFilterSet(WagtailFilterSet):
    open = django_filters.BooleanFilter(
        field_name="handled_at", lookup_expr="isnull", label=_("Not handled yet")
    )

    class Meta:
        model = CorrectionReport
        fields = ["organisation"]


class CorrectionReportViewSet(ModelViewSet):
    model = CorrectionReport
    name = "correction_reports"
    icon = "warning"
    menu_label = _("Correction reports")
    menu_order = 850
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "organisation",
        "message",
        "email",
        "language",
        "created_at",
        "handled_at",
    ]
    list_display = [
        "organisation",
        Column("excerpt", label=_("what is wrong")),
        "created_at",
        "handled_at",
    ]
    filterset_class = CorrectionReportFilterSet
    search_fields = ["message", "organisation__name"]
    ordering = ["-created_at"]
    edit_handler = ObjectList(
        [
            FieldPanel("organisation", read_only=True),
            FieldPanel("message", read_only=True),
            FieldPanel("email", read_only=True),
            FieldPanel("language", read_only=True),
            FieldPanel("handled"),
        ],
        base_form_class=CorrectionReportForm,
    )

    def get_queryset(self, request):
        return (
            CorrectionReport.objects.select_related("organisation")
            .annotate(excerpt=Left("message", 80))
            .order_by("-created_at")
        )


correction_reports_viewset = CorrectionReportViewSet()
