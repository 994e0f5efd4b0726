"""Header and footer navigation for the public site: both menus from one query of pages (and one of view
restrictions) per request, whatever the number of pages."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Site

from pages.models import CandidateIndexPage, ContentPage, OfferFormPage

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request is not None else None
    return site.root_page if site else None


def _menu_pages(request):
    """The home page's live, public children and every live, public content page of the site, in tree order.

    Fetched once per request and kept on it: the header and the footer read the same list.
    """
    pages = getattr(request, "_menu_pages", None)
    if pages is None:
        root = _site_root(request)
        pages = []
        if root is not None:
            content_page = ContentType.objects.get_for_model(ContentPage)
            pages = list(
                root.get_descendants().live().public()
                .filter(Q(depth=root.depth + 1) | Q(content_type=content_page)).order_by("path")
            )
        if request is not None:
            request._menu_pages = pages
    return pages


def _aria_current(current_page, page):
    """The aria-current value of a menu link: "page" on its own page, "true" on the pages below it (a story)."""
    path = getattr(current_page, "path", "")
    if path == page.path:
        return "page"
    return "true" if path.startswith(page.path) else ""


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's live children marked "show in menus", and the story list as the header's call to action.

    The story list is found among the same children; it is left out of the plain links because the call to
    action already points to it.
    """
    request = context.get("request")
    current_page = context.get("page")
    root = _site_root(request)
    items = []
    story_index = None
    children = [page for page in _menu_pages(request) if root is not None and page.depth == root.depth + 1]
    for child in children:
        if story_index is None and child.specific_class is CandidateIndexPage:
            story_index = child
        elif child.show_in_menus:
            items.append(
                {"title": child.title, "url": child.get_url(request), "current": _aria_current(current_page, child)}
            )
    if story_index is None:
        # The story list normally sits right under the home page; look further only when it does not.
        story_index = CandidateIndexPage.objects.live().public().first()
    return {
        "items": items,
        "stories_url": story_index.get_url(request) if story_index else "",
        "stories_current": _aria_current(current_page, story_index) if story_index else "",
    }


@register.inclusion_tag("components/footer_links.html", takes_context=True)
def footer_links(context):
    """Every live content page of the site ("about", "legal notice"...), in tree order."""
    request = context.get("request")
    pages = [
        {"title": page.title, "url": page.get_url(request)}
        for page in _menu_pages(request) if page.specific_class is ContentPage
    ]
    return {"pages": pages}


@register.simple_tag(takes_context=True)
def live_offer_form(context):
    """The live offer form, if the site has one: a story links to it to propose an offer to its candidate.

    Usually a child of the home page, so among the menus' pages; looked for further only when it is not.
    """
    for page in _menu_pages(context.get("request")):
        if page.specific_class is OfferFormPage:
            return page.specific_deferred
    return OfferFormPage.objects.live().first()
