"""The site, its settings and the public pages of the demo, from data/site.yaml and data/pages.yaml."""

from wagtail.coreutils import find_available_slug
from wagtail.models import Page, Site

from pages.demo.loader import read
from pages.models import CandidateIndexPage, ContentPage, HomePage, ImpactPage, OfferFormPage, OfferIndexPage
from snippets.models import ProgrammeSettings


def build_site(builder):
    """The home page, the default site rooted at it, its settings and the pages under it, each made once."""
    site_data, pages = read("site"), read("pages")
    home, home_created = _home_page(builder, pages["home"])
    site = _default_site(builder, home, site_data["site_name"])
    builder.ensure(ProgrammeSettings, {"site": site}, site=site, **site_data["programme_settings"])

    new_pages = []  # (page, raw body or None), published once they all exist
    # The story list, the offer list and the offer form are found by type: a site has one of each.
    # The offer form is reached from the offer list, the companies' page and each story: not from the main menu.
    for page_class, data, in_menu in (
        (CandidateIndexPage, pages["story_index"], True),
        (OfferIndexPage, pages["offer_index"], True),
        (OfferFormPage, pages["offer_form"], False),
        (ImpactPage, pages["impact"], False),
    ):
        page = page_class.objects.first()
        if page is None:
            page = _add_draft_child(builder, home, page_class(show_in_menus=in_menu, **_fields(data)))
            new_pages.append((page, data.get("body")))
        builder.pages_by_slug[data["slug"]] = page
    builder.story_index = builder.pages_by_slug[pages["story_index"]["slug"]]

    for data in pages["content_pages"]:
        page = home.get_children().filter(slug=data["slug"]).first()
        if page is None:
            # In the main menu unless the data says otherwise (the « données personnelles » page is in the footer).
            page = _add_draft_child(builder, home, ContentPage(**{"show_in_menus": True, **_fields(data)}))
            new_pages.append((page, data["body"]))
        builder.pages_by_slug[data["slug"]] = page
    if home_created:
        new_pages.append((home, pages["home"]["body"]))

    # Calls to action link pages to each other, so bodies are written once every page exists; each new page
    # then gets a single revision, published.
    for page, body in new_pages:
        page = type(page).objects.get(pk=page.pk)
        if body is not None:
            page.body = _stream(builder, body)
        page.save_revision(log_action=True).publish()
    builder.story_index.refresh_from_db()


def _fields(data):
    """A page's fields from its data, without the body, which is written once every page exists."""
    return {key: value for key, value in data.items() if key != "body"}


def _home_page(builder, data):
    home = HomePage.objects.first()
    if home is not None:
        return home, False
    root = Page.get_first_root_node()
    fields = _fields(data)
    home = HomePage(**{**fields, "slug": find_available_slug(root, fields["slug"])}, live=False)
    root.add_child(instance=home)
    builder.summary.count(home)
    return home, True


def _default_site(builder, home, site_name):
    """The default site, rooted at the home page in place of Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=site_name
        )
        builder.summary.count(site)
        return site
    if site.root_page_id != home.pk and _is_wagtail_welcome_page(site.root_page):
        welcome_page = site.root_page
        site.root_page = home
        site.site_name = site.site_name or site_name
        site.save()
        welcome_page.delete()
    return site


def _is_wagtail_welcome_page(page):
    """Wagtail's "Welcome to your new Wagtail site!": a plain, childless page right under the root."""
    return page.depth == 2 and page.specific_class is Page and page.numchild == 0


def _add_draft_child(builder, parent, page):
    page.live = False
    parent.add_child(instance=page)
    builder.summary.count(page)
    return page


def _stream(builder, blocks):
    """Raw StreamField data, with calls to action pointing at pages by slug turned into page ids."""
    resolved = []
    for block in blocks:
        if block["type"] == "call_to_action" and block["value"]["page"]:
            page = builder.pages_by_slug[block["value"]["page"]]
            block = {**block, "value": {**block["value"], "page": page.pk}}
        resolved.append(block)
    return resolved
