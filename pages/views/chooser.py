"""Wagtail's page chooser, browsing below a page only when the chooser's own queryset hooks let this user see it."""

from django.http import Http404
from wagtail import hooks
from wagtail.admin.views.chooser import BrowseView
from wagtail.models import Page


class HookedBrowseView(BrowseView):
    """Wagtail filters a parent page's children through ``construct_page_chooser_queryset``, but loads the parent
    itself by id: a coach who guessed the id of another candidate's story would read its title. The parent goes
    through the same hooks here, so what a user cannot choose, they cannot open either.
    """

    def get(self, request, parent_page_id=None):
        if parent_page_id is not None:
            pages = Page.objects.filter(pk=parent_page_id)
            for hook in hooks.get_hooks("construct_page_chooser_queryset"):
                pages = hook(pages, request)
            if not pages.exists():
                raise Http404
        return super().get(request, parent_page_id)
