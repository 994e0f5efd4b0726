"""The "Relecture du récit" workflow: review by the communication staff, then approval by the candidate.

Historical models skip Task.__init__, which sets the polymorphic content type: it is set here by hand, or
Wagtail would read these rows as plain tasks and never call the candidate's step.
"""

from django.db import migrations

from snippets import roles

WORKFLOW_NAME = "Relecture du récit"
REVIEW_TASK_NAME = "Relecture par la communication"
CANDIDATE_TASK_NAME = "Validation par le candidat"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    CandidateApprovalTask = apps.get_model("pages", "CandidateApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    review_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    candidate_type, _created = ContentType.objects.get_or_create(app_label="pages", model="candidateapprovaltask")

    review, _created = GroupApprovalTask.objects.get_or_create(
        name=REVIEW_TASK_NAME, defaults={"content_type": review_type, "active": True}
    )
    communication = Group.objects.filter(name=roles.COMMUNICATION).first()
    if communication:
        review.groups.add(communication)
    candidate_step, _created = CandidateApprovalTask.objects.get_or_create(
        name=CANDIDATE_TASK_NAME, defaults={"content_type": candidate_type, "active": True}
    )

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    for sort_order, task in enumerate([review, candidate_step]):
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task_id=task.pk, defaults={"sort_order": sort_order}
        )


def delete_workflow(apps, schema_editor):
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name__in=[REVIEW_TASK_NAME, CANDIDATE_TASK_NAME]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_full_story_page"),
        ("cohorts", "0005_consents_and_contact_requests"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflow, delete_workflow)]
