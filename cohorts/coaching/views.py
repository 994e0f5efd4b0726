"""The read-only preview of a candidate's story draft, for their coach (who holds no page permission) and staff."""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views import View

from cohorts.models import Candidate
from cohorts.perms import visible_candidates

STORY_DRAFT_URL = "cohorts_story_draft"


class StoryDraftPreviewView(View):
    """The latest revision of the candidate's story page, rendered with the page's own template, nothing to edit.

    Only for who reads the candidate: their coach, or staff with the candidate permission; any other candidate is
    a 404 for a coach. Rendered directly rather than through ``serve_preview``, which answers 404 until the
    candidate consents to publication: a coach helps write the story before that.
    """

    http_method_names = ["get"]

    def get(self, request, pk):
        if not request.user.has_perm("cohorts.view_candidate"):
            raise PermissionDenied
        candidate = get_object_or_404(visible_candidates(request.user, Candidate.objects.all()), pk=pk)
        try:
            page = candidate.story_page
        except ObjectDoesNotExist as error:
            raise Http404 from error
        draft = page.get_latest_revision_as_object()
        request.is_preview = True
        request.preview_mode = draft.default_preview_mode
        response = TemplateResponse(request, draft.get_template(request), draft.get_context(request))
        response["X-Robots-Tag"] = "noindex"
        return response
