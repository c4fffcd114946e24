"""The permission for the fields only the KI manages, and the moderation workflow
"Organisationsprofil prüfen" (group approval by Moderation) on the Organisation snippet.
Idempotent: an existing workflow or task of that name is reused, never duplicated."""

from django.db import migrations

WORKFLOW_NAME = "Organisationsprofil prüfen"
TASK_NAME = "Prüfung durch die Moderation"
MODERATORS = "Moderation"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    moderators, _created = Group.objects.get_or_create(name=MODERATORS)
    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    organisation_type, _created = ContentType.objects.get_or_create(
        app_label="directory", model="organisation"
    )

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(moderators)

    workflow, _created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    # Not workflow.workflow_tasks.create(): the clusterable relation would not be saved.
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    # One workflow per content type: take the Organisation snippet over if needed.
    WorkflowContentType.objects.update_or_create(
        content_type=organisation_type, defaults={"workflow": workflow}
    )


def remove_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(
        content_type__in=ContentType.objects.filter(app_label="directory", model="organisation"),
        workflow__name=WORKFLOW_NAME,
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0003_selfservice"),
        ("cms", "0003_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="organisation",
            options={
                "ordering": ["name"],
                "permissions": [
                    (
                        "manage_organisation_fields",
                        "Can change kind, slug, last confirmed and memberships of organisations",
                    )
                ],
                "verbose_name": "organisation",
                "verbose_name_plural": "organisations",
            },
        ),
        migrations.RunPython(create_workflow, remove_workflow),
    ]
