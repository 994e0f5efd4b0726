"""Wagtail hooks of the public pages: count each story's views as Wagtail serves them."""

from wagtail import hooks

from .enums import CounterKind
from .models import CandidatePage
from .sharing import already_counted, record_event


# Last among the hooks, so that a page another hook refuses (a restricted one, a wrong method) is not counted.
@hooks.register("before_serve_page", order=100)
def count_story_view(page, request, serve_args, serve_kwargs):
    """Count one view of a published story per visitor session and day; previews and robots are not counted.

    The session is checked first, so a reload costs no query beyond reading the session.
    """
    if request.method != "GET" or not isinstance(page, CandidatePage) or getattr(request, "is_preview", False):
        return None
    if already_counted(request, page_id=page.pk, kind=CounterKind.VIEW):
        return None
    if CandidatePage.objects.published_stories().filter(pk=page.pk).exists():
        record_event(request=request, page_id=page.pk, kind=CounterKind.VIEW)
    return None
