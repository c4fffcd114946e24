"""E-mails of the moderation of organisation profiles.

When a moderator approves or rejects an organisation's submission, every member of that
organisation gets one e-mail in their own language with the decision, the moderator's
comment and a link to the entry (`organisation_decision`). Wagtail's own approval and
rejection notifications go only to the submitter, in Wagtail's wording; for members of the
organisation concerned they are replaced by ours (so nobody gets two e-mails about one
decision); other submitters (KI editors) keep Wagtail's.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.admin.mail import (
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from cms.mail import send_templated_mail, send_to_users


def organisation_of(workflow_state):
    from directory.models import Organisation

    instance = workflow_state.content_object
    return instance if isinstance(instance, Organisation) else None


def organisation_members(organisation):
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            organisation_memberships__organisation__translation_key=organisation.translation_key,
        )
        .distinct()
    )


class _WithoutOrganisationMembers:
    def get_recipient_users(self, workflow_state, **kwargs):
        recipients = super().get_recipient_users(workflow_state, **kwargs)
        organisation = organisation_of(workflow_state)
        if organisation is None:
            return recipients
        members = set(organisation_members(organisation).values_list("pk", flat=True))
        return {user for user in recipients if user.pk not in members}


class ApprovalNotifier(_WithoutOrganisationMembers, WorkflowStateApprovalEmailNotifier):
    pass


class RejectionNotifier(_WithoutOrganisationMembers, WorkflowStateRejectionEmailNotifier):
    pass


def _decision_comment(workflow_state, status):
    task_state = (
        TaskState.objects.filter(workflow_state=workflow_state, status=status)
        .order_by("-finished_at", "-pk")
        .first()
    )
    return task_state.specific.get_comment() if task_state else ""


def send_decision(workflow_state, approved, user=None):
    organisation = organisation_of(workflow_state)
    if organisation is None:
        return 0
    organisation.refresh_from_db()
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "organisation": organisation,
        "approved": approved,
        "comment": _decision_comment(
            workflow_state, TaskState.STATUS_APPROVED if approved else TaskState.STATUS_REJECTED
        ),
        "edit_url": base_url
        + reverse("wagtailsnippets_directory_organisation:edit", args=[organisation.pk]),
        "public_url": base_url + organisation.get_url() if organisation.live else "",
    }
    sent = send_to_users("organisation_decision", organisation_members(organisation), context)
    if approved and organisation.live:
        sent += _tell_the_proposer(organisation, base_url)
    return sent


def _tell_the_proposer(organisation, base_url):
    """A suggested entry went live for the first time: tell whoever proposed it (in the
    language they used the form in). Later decisions concern the organisation only."""
    from directory.models import OrganisationSuggestion
    from topics.localization import swap_language_prefix

    suggestion = OrganisationSuggestion.objects.filter(organisation=organisation).first()
    first_publication = organisation.first_published_at == organisation.last_published_at
    if suggestion is None or not first_publication:
        return 0
    profile = swap_language_prefix(organisation.get_url(), suggestion.language)
    context = {"name": organisation.name, "public_url": base_url + profile}
    return send_templated_mail(
        "suggestion_published", [suggestion.email], suggestion.language, context
    )


def on_workflow_approved(sender, instance, user=None, **kwargs):
    send_decision(instance, approved=True, user=user)


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    send_decision(instance, approved=False, user=user)


def connect():
    """Called from DirectoryConfig.ready(). Wagtail connects its notifiers under these
    dispatch_uids in wagtail.admin's ready(): whichever runs first, ours stays (Django
    ignores a second receiver with the same dispatch_uid)."""
    for signal, uid, notifier in (
        (workflow_approved, "workflow_state_approved_email_notification", ApprovalNotifier()),
        (workflow_rejected, "workflow_state_rejected_email_notification", RejectionNotifier()),
    ):
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
        signal.connect(notifier, sender=WorkflowState, dispatch_uid=uid, weak=False)
    workflow_approved.connect(
        on_workflow_approved, sender=WorkflowState, dispatch_uid="organisation_decision_approved"
    )
    workflow_rejected.connect(
        on_workflow_rejected, sender=WorkflowState, dispatch_uid="organisation_decision_rejected"
    )
