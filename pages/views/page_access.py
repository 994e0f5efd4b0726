"""The admin's page URLs kept to the pages each user may read: one rule, the page chooser's hooks, for all of them.

Wagtail's page views load a page by its id and check an action on it, but many name the page first: a refusal
message ("You do not have permission to preview the page 'Zelinda Q.'"), a move confirmation, a workflow preview.
A coach who tried the ids of the tree read every candidate's name. ``only_visible_pages`` answers 404 for any page
the ``construct_page_chooser_queryset`` hooks hide from the user, before Wagtail's view runs; cms/urls.py applies it
to every admin URL that takes a page id.
"""

from functools import wraps

from django.http import Http404
from wagtail import hooks
from wagtail.models import Page

# The URL parameters of Wagtail's page URLs that name a page; among the workflows' URLs, only page_pk does.
PAGE_ID_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "pk")
WORKFLOW_PAGE_ID_KWARGS = ("page_pk",)


def visible_pages(request):
    """The pages this user may read in the admin: the chooser's own rule (cohorts hides other candidates' stories
    from a coach)."""
    pages = Page.objects.all()
    for hook in hooks.get_hooks("construct_page_chooser_queryset"):
        pages = hook(pages, request)
    return pages


def only_visible_pages(page_id_kwargs=PAGE_ID_KWARGS):
    """A view decorator: 404 when a page the URL names is one the user may not read."""

    def decorator(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            # Whoever may not use the admin is sent to its login page by the view itself, never told a page exists.
            if request.user.has_perm("wagtailadmin.access_admin"):
                ids = {int(kwargs[name]) for name in page_id_kwargs if name in kwargs}
                if ids and visible_pages(request).filter(pk__in=ids).count() != len(ids):
                    raise Http404
            return view(request, *args, **kwargs)

        return checked

    return decorator
