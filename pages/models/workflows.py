"""The candidate's own approval step of the "Relecture du récit" workflow.

Candidates have no account: the task e-mails them a signed, expiring link (see ``pages.approval``) and
their answer through that link approves or rejects the task. Staff cannot act on it in their place; they can
only send the link again (a fresh one, showing the latest version) when it expired or the story changed.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState

from cohorts.enums import ConsentPurpose
from pages import approval
from snippets.mail import send_templated_email
from snippets.models.emails import EmailKey

RESEND_ACTION = "resend"


class AlreadyDecided(Exception):
    """The step is no longer waiting for the candidate: a second answer (a double click, an old tab) changes nothing."""


def lock_open_step(task_state):
    """Lock the step's row and return it fresh, or raise ``AlreadyDecided``; two answers at once cannot both count."""
    locked = TaskState.objects.select_for_update().select_related("workflow_state").get(pk=task_state.pk)
    if locked.status != TaskState.STATUS_IN_PROGRESS:
        raise AlreadyDecided
    return locked


def story_of(task_state):
    """The story page (specific) a task state is about."""
    return task_state.workflow_state.content_object.specific


def admin_edit_url(page):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_pages:edit", args=[page.pk])


class CandidateApprovalTask(Task):
    """Waits for the candidate to approve their story, or ask for a change, through an e-mailed link."""

    admin_form_fields = Task.admin_form_fields

    class Meta:
        verbose_name = _("candidate approval")
        verbose_name_plural = _("candidate approvals")

    def start(self, workflow_state, user=None):
        """Start the step and e-mail the candidate their link (once the transaction commits)."""
        task_state = super().start(workflow_state, user=user)
        self.send_link(task_state)
        return task_state

    def send_link(self, task_state):
        """E-mail the candidate a link to the version ``task_state`` shows; sent once the transaction commits."""
        candidate = story_of(task_state).candidate
        context = {
            "candidate_name": candidate.first_name,
            "approval_url": approval.approval_url(task_state),
            "expires_on": approval.expires_on().strftime("%d/%m/%Y"),
        }
        # After commit: a link to a task state that a rollback erased would only lead to an error page.
        transaction.on_commit(
            lambda: send_templated_email(key=EmailKey.CANDIDATE_APPROVAL, to=[candidate.email], context=context)
        )

    def user_can_access_editor(self, obj, user):
        # Being on this step opens the editor to nobody new: staff who may change pages already can.
        return False

    def locked_for_user(self, obj, user):
        # Staff stay free to cancel or restart the workflow (a link can expire, a candidate can stay silent).
        return False

    def get_actions(self, obj, user):
        # Nobody approves or rejects for the candidate in the admin: the link is the only way to decide.
        # Staff who may publish the story can send a fresh link (after it expired, or after an edit).
        if obj.permissions_for_user(user).can_publish():
            return [(RESEND_ACTION, _("Send the approval link to the candidate again"), False)]
        return []

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == RESEND_ACTION:
            self.resend_link(task_state, user=user)

    def resend_link(self, task_state, user=None):
        """Point the step at the story's latest version and e-mail the candidate a fresh link to it.

        Links sent before show an older version: they stop working, so the candidate approves what is published.
        """
        latest = story_of(task_state).get_latest_revision()
        if task_state.revision_id != latest.pk:
            task_state.revision = latest
            task_state.save(update_fields=["revision"])
        self.send_link(task_state)

    @transaction.atomic
    def approve_for_candidate(self, task_state):
        """Record the candidate's approval through their link; at the last step the workflow publishes the story.

        Raises ``ValidationError`` when the candidate has not consented to publication: the step then stays open
        (nothing is recorded) until staff record the consent; ``AlreadyDecided`` when the step is closed.
        """
        task_state = lock_open_step(task_state)
        page = story_of(task_state)
        if not page.candidate.has_consent(ConsentPurpose.PUBLISH_STORY):
            raise ValidationError(page.NO_CONSENT_MESSAGE, code="no_consent")
        task_state.approve(user=None, comment=gettext("Approved by the candidate through the link sent by e-mail."))
        return task_state

    @transaction.atomic
    def reject_for_candidate(self, task_state, comment):
        """Record the candidate's request for a change, with their words, and tell the staff of their city.

        Wagtail's own notification tells whoever submitted the story that the workflow needs changes.
        """
        task_state = lock_open_step(task_state)
        page = story_of(task_state)
        task_state.reject(user=None, comment=comment)
        candidate = page.candidate
        context = {
            "candidate_name": candidate.public_name,
            "comment": comment,
            "admin_url": admin_edit_url(page),
        }
        staff = candidate.cohort.city.staff_email_list
        transaction.on_commit(
            lambda: send_templated_email(key=EmailKey.CANDIDATE_CHANGE_REQUESTED, to=staff, context=context)
        )
        return task_state

    @classmethod
    def get_description(cls):
        return _("The candidate approves the story, or asks for a change, through a link sent by e-mail.")
