"""The "Validation des offres" workflow, assigned to offers: the programme staff of the offer's city approve it.

Programme admins get the permissions to publish, lock and unlock offers, which the workflow's approval needs.

Historical models skip Task.__init__, which sets the polymorphic content type: it is set here by hand.
"""

from django.db import migrations

from snippets import roles

WORKFLOW_NAME = "Validation des offres"
TASK_NAME = "Validation par l'équipe de la ville"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    CityStaffApprovalTask = apps.get_model("snippets", "CityStaffApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    task_type, _created = ContentType.objects.get_or_create(app_label="snippets", model="citystaffapprovaltask")
    offer_type, _created = ContentType.objects.get_or_create(app_label="snippets", model="offer")
    task, _created = CityStaffApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    admins = Group.objects.filter(name=roles.PROGRAMME_ADMINS).first()
    if admins:
        task.groups.add(admins)
        # Wagtail creates these after migrating; the reviewers need them now, to publish what they approve.
        Permission = apps.get_model("auth", "Permission")
        for action in ("publish", "lock", "unlock"):
            permission, _created = Permission.objects.get_or_create(
                content_type=offer_type, codename=f"{action}_offer", defaults={"name": f"Can {action} offer"}
            )
            admins.permissions.add(permission)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.update_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": 0})
    WorkflowContentType.objects.update_or_create(content_type=offer_type, defaults={"workflow": workflow})


def delete_workflow(apps, schema_editor):
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("snippets", "0006_offer_workflow"),
        ("cohorts", "0008_import_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflow, delete_workflow)]
