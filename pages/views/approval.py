"""The page a candidate opens from their e-mail to approve their story, or ask for a change, without an account.

Every refusal is a friendly page and changes nothing: an altered or foreign token (400), an expired link or one
that a newer link replaced (410), a decision already taken (200, saying so).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.models import TaskState

from pages.approval import ExpiredApprovalLink, InvalidApprovalLink, read_token
from pages.models.workflows import AlreadyDecided, CandidateApprovalTask

APPROVE = "approve"
REQUEST_CHANGE = "change"


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[(APPROVE, _("I approve")), (REQUEST_CHANGE, _("I ask for a change"))])
    comment = forms.CharField(
        label=_("What would you like us to change?"), required=False, max_length=2000, widget=forms.Textarea
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("decision") == REQUEST_CHANGE and not cleaned_data.get("comment", "").strip():
            self.add_error("comment", _("Tell us what to change, in a few words: we will take it from there."))
        return cleaned_data


def _done(request, outcome, status=200, task_state=None, story_url=None):
    context = {"outcome": outcome, "task_state": task_state, "published": bool(story_url), "story_url": story_url}
    response = render(request, "pages/approval_done.html", context, status=status)
    return _private(response)


def _private(response):
    # The token is a key: keep it out of caches and out of the Referer sent to other sites (links in the story).
    # "same-origin", not "no-referrer": with no referrer at all, browsers post the forms with "Origin: null",
    # which Django's CSRF check refuses.
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _task_state_for(token):
    """The candidate's task state named by a valid token, or the name of the outcome that refuses it."""
    try:
        task_state_id, revision_id = read_token(token)
    except ExpiredApprovalLink:
        return None, "expired"
    except InvalidApprovalLink:
        return None, "invalid"
    task_state = (
        TaskState.objects.select_related("task", "workflow_state", "revision").filter(pk=task_state_id).first()
    )
    if task_state is None or not isinstance(task_state.task.specific, CandidateApprovalTask):
        return None, "invalid"
    if task_state.revision_id != revision_id:
        # A newer link was sent for a newer version of the story.
        return None, "replaced"
    return task_state, None


def _preview(request, task_state, form, outcome=None):
    """The approval page: the story as it will look (the revision under review), then the two answers."""
    page = task_state.revision.as_object()
    # Tell the story template it is a preview (Wagtail's own convention): nothing is counted or cached.
    request.is_preview = True
    request.preview_mode = ""
    context = page.get_context(request)
    context.update(
        {
            "story_template": page.get_template(request),
            "form": form,
            "outcome": outcome,
            "candidate_first_name": page.candidate.first_name,
        }
    )
    return _private(render(request, "pages/approval.html", context))


@never_cache
@require_http_methods(["GET", "POST"])
def approval(request, token):
    task_state, refusal = _task_state_for(token)
    if refusal:
        return _done(request, refusal, status=400 if refusal == "invalid" else 410)

    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        if task_state.status == TaskState.STATUS_CANCELLED:
            return _done(request, "cancelled", status=410, task_state=task_state)
        return _done(request, "already_answered", task_state=task_state)

    page = task_state.workflow_state.content_object.specific
    if page.latest_revision_id != task_state.revision_id:
        # The story was edited since the link was sent: approving would publish a version the candidate never saw.
        return _done(request, "changed", status=410)

    if request.method == "GET":
        return _preview(request, task_state, DecisionForm())

    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _preview(request, task_state, form)
    task = task_state.task.specific
    try:
        if form.cleaned_data["decision"] == REQUEST_CHANGE:
            task_state = task.reject_for_candidate(task_state, form.cleaned_data["comment"].strip())
            return _done(request, "change_requested", task_state=task_state)
        task_state = task.approve_for_candidate(task_state)
    except AlreadyDecided:
        return _done(request, "already_answered", task_state=TaskState.objects.get(pk=task_state.pk))
    except ValidationError as error:
        # Nothing was recorded (the approval rolled back): the link keeps working once the cause is fixed.
        outcome = "needs_consent" if getattr(error, "code", None) == "no_consent" else "cannot_publish"
        return _preview(request, task_state, DecisionForm(), outcome=outcome)
    page.refresh_from_db(fields=["live", "url_path"])
    return _done(request, "approved", task_state=task_state, story_url=page.url if page.live else None)
