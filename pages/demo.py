"""Build the demo programme that ``manage.py load_demo_data`` loads, from the texts in ``pages.demo_content``.

Every record is looked up by its natural key and created only when missing; nothing that already exists is
changed. ``make run`` loads the demo before every start, so this keeps what a person changed while trying
the admin, and a second run writes nothing at all. Story pages go through ``create_draft_story``, the same
service the cohort import uses.
"""

import datetime
import io
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth.models import Group, User
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageColor, ImageDraw, ImageFont
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, Site

from cohorts.enums import ConsentChannel, ConsentPurpose
from cohorts.models import Candidate, Coach, Cohort, ConsentRecord, Pair
from pages import demo_content as content
from pages.demo_impact import load_impact_data
from pages.models import CandidateIndexPage, CandidatePage, ContentPage, HomePage, ImpactPage
from pages.models.images import CustomImage
from pages.models.offers import OfferFormPage, OfferIndexPage
from pages.services import create_draft_story
from snippets import roles
from snippets.enums import OfferStatus
from snippets.models import City, ContractType, Offer, PartnerCompany, ReferringOrganisation, Sector
from snippets.models.settings import ProgrammeSettings

PORTRAIT_SIZE = 800


@dataclass
class DemoSummary:
    """What a run created, per model, and the accounts to log in with."""

    created: Counter = field(default_factory=Counter)
    logins: list = field(default_factory=list)

    def count(self, instance):
        self.created[type(instance)] += 1


@transaction.atomic
def load_demo_data():
    """Create whatever part of the demo programme is missing, and return what was created."""
    summary = DemoSummary()
    builder = _Builder(summary)
    builder.site()
    builder.reference_data()
    builder.companies_and_offers()
    builder.cohorts_and_candidates()
    builder.coaches_and_pairs()
    load_impact_data(builder)
    builder.accounts()
    return summary


class _Builder:
    def __init__(self, summary):
        self.summary = summary
        self.cities = {}
        self.sectors = {}
        self.organisations = {}
        self.companies = {}
        self.cohorts = {}
        self.candidates = {}
        self.coaches = {}
        self.pages_by_slug = {}

    def ensure(self, model, lookup, **values):
        """The first row matching ``lookup``, or a new one made of ``values`` (which hold the natural key).

        Unlike ``get_or_create``, a duplicate that someone made in the admin (the snippet "copy" action)
        does not stop the demo from loading.
        """
        instance = model._default_manager.filter(**lookup).order_by("pk").first()
        if instance is None:
            instance = model._default_manager.create(**values)
            self.summary.count(instance)
        return instance

    # --- Site and pages ---------------------------------------------------------------------------------

    def site(self):
        home, home_created = self._home_page()
        site = self._default_site(home)
        self.ensure(ProgrammeSettings, {"site": site}, site=site, **content.PROGRAMME_SETTINGS)

        new_pages = []  # (page, raw body or None), published once they all exist
        self.story_index = CandidateIndexPage.objects.first()
        if self.story_index is None:
            self.story_index = self._add_draft_child(
                home, CandidateIndexPage(show_in_menus=True, **content.STORY_INDEX_PAGE)
            )
            new_pages.append((self.story_index, None))
        self.pages_by_slug[content.STORY_INDEX_PAGE["slug"]] = self.story_index

        offer_index = OfferIndexPage.objects.first()
        if offer_index is None:
            offer_index = self._add_draft_child(home, OfferIndexPage(show_in_menus=True, **content.OFFER_INDEX_PAGE))
            new_pages.append((offer_index, None))
        self.pages_by_slug[content.OFFER_INDEX_PAGE["slug"]] = offer_index

        offer_form = OfferFormPage.objects.first()
        if offer_form is None:
            # Reached from the offer list, the companies' page and each story: not from the main menu.
            offer_form = self._add_draft_child(home, OfferFormPage(show_in_menus=False, **content.OFFER_FORM_PAGE))
            new_pages.append((offer_form, None))
        self.pages_by_slug[content.OFFER_FORM_PAGE["slug"]] = offer_form

        impact = ImpactPage.objects.first()
        if impact is None:
            fields = {key: value for key, value in content.IMPACT_PAGE.items() if key != "body"}
            impact = self._add_draft_child(home, ImpactPage(show_in_menus=False, **fields))
            new_pages.append((impact, content.IMPACT_PAGE["body"]))
        self.pages_by_slug[content.IMPACT_PAGE["slug"]] = impact

        for data in content.CONTENT_PAGES:
            page = home.get_children().filter(slug=data["slug"]).first()
            if page is None:
                fields = {key: value for key, value in data.items() if key != "body"}
                page = self._add_draft_child(home, ContentPage(show_in_menus=True, **fields))
                new_pages.append((page, data["body"]))
            self.pages_by_slug[data["slug"]] = page
        if home_created:
            new_pages.append((home, content.HOME_PAGE["body"]))

        # Calls to action link pages to each other, so bodies are written once every page exists; each new page
        # then gets a single revision, published.
        for page, body in new_pages:
            page = type(page).objects.get(pk=page.pk)
            if body is not None:
                page.body = self._stream(body)
            page.save_revision(log_action=True).publish()
        self.story_index.refresh_from_db()

    def _home_page(self):
        home = HomePage.objects.first()
        if home is not None:
            return home, False
        root = Page.get_first_root_node()
        data = {key: value for key, value in content.HOME_PAGE.items() if key != "body"}
        home = HomePage(**{**data, "slug": find_available_slug(root, data["slug"])}, live=False)
        root.add_child(instance=home)
        self.summary.count(home)
        return home, True

    def _default_site(self, home):
        """The default site, rooted at the home page in place of Wagtail's welcome page."""
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            site = Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=content.SITE_NAME
            )
            self.summary.count(site)
            return site
        if site.root_page_id != home.pk and _is_wagtail_welcome_page(site.root_page):
            welcome_page = site.root_page
            site.root_page = home
            site.site_name = site.site_name or content.SITE_NAME
            site.save()
            welcome_page.delete()
        return site

    def _add_draft_child(self, parent, page):
        page.live = False
        parent.add_child(instance=page)
        self.summary.count(page)
        return page

    def _stream(self, blocks):
        """Raw StreamField data, with calls to action pointing at pages by slug turned into page ids."""
        resolved = []
        for block in blocks:
            if block["type"] == "call_to_action" and block["value"]["page"]:
                page = self.pages_by_slug[block["value"]["page"]]
                block = {**block, "value": {**block["value"], "page": page.pk}}
            resolved.append(block)
        return resolved

    # --- Reference data, companies and offers ---------------------------------------------------------

    def reference_data(self):
        for data in content.CITIES:
            self.cities[data["name"]] = self.ensure(City, {"name__iexact": data["name"]}, **data)
        for sort_order, (slug, label) in enumerate(content.SECTORS):
            self.sectors[slug] = self.ensure(Sector, {"slug": slug}, slug=slug, label=label, sort_order=sort_order)
        for data in content.REFERRING_ORGANISATIONS:
            city = self.cities[data["city"]]
            self.organisations[data["name"]] = self.ensure(
                ReferringOrganisation, {"name__iexact": data["name"], "city": city}, **{**data, "city": city}
            )

    def companies_and_offers(self):
        for data in content.COMPANIES:
            values = {**data, "sector": self.sectors[data["sector"]], "city": self.cities[data["city"]]}
            self.companies[data["name"]] = self.ensure(PartnerCompany, {"name__iexact": data["name"]}, **values)
        for data in content.OFFERS:
            values = {
                **data,
                "company": self.companies[data["company"]],
                "city": self.cities[data["city"]],
                "sector": self.sectors[data["sector"]],
                "contract_type": ContractType.objects.get(slug=data["contract_type"]),
                **self.offer_lifecycle(data["status"]),
            }
            offer = self.ensure(Offer, {key: values[key] for key in ("company", "title", "city")}, **values)
            if offer.status == OfferStatus.PENDING and offer.current_workflow_state is None:
                # Staff find it waiting in "Validation des offres", as an offer sent through the form would.
                offer.save_revision(log_action=True)
                offer.get_workflow().start(offer, None)

    def offer_lifecycle(self, status):
        """Validated demo offers went online three weeks ago, for 60 days; the others wait for validation."""
        if status != OfferStatus.PUBLISHED:
            return {"live": False}
        published_on = timezone.localdate() - datetime.timedelta(days=21)
        return {"live": True, "published_on": published_on, "expires_on": published_on + datetime.timedelta(days=60)}

    # --- Cohorts, candidates and their stories --------------------------------------------------------

    def cohorts_and_candidates(self):
        for data in content.COHORTS:
            self.cohorts[data["name"]] = self.ensure(
                Cohort, {"name": data["name"]}, **{**data, "city": self.cities[data["city"]]}
            )
        for index, data in enumerate(content.CANDIDATES):
            organisation = data["referring_organisation"]
            values = {key: data[key] for key in ("first_name", "last_name", "email", "phone", "birth_date", "status")}
            candidate = self.ensure(
                Candidate,
                {"email__iexact": data["email"]},
                **values,
                notes=data.get("notes", ""),
                cohort=self.cohorts[data["cohort"]],
                referring_organisation=self.organisations[organisation] if organisation else None,
            )
            self.candidates[data["email"]] = candidate
            self._story(candidate, data, colours=content.PORTRAIT_COLOURS[index % len(content.PORTRAIT_COLOURS)])

    def _story(self, candidate, data, *, colours):
        """A story page with a portrait, published when the demo says so; only for a candidate who has none."""
        if CandidatePage.objects.filter(candidate=candidate).exists():
            return
        page = create_draft_story(
            candidate=candidate,
            catchphrase=data["catchphrase"],
            story=data["story"],
            photo=self._portrait(candidate, colours),
            parent=self.story_index,
        )
        self._fill_story(page, content.STORY_PROFILES.get(candidate.email, {}))
        self.summary.count(page)
        if data["publish"]:
            for purpose in ConsentPurpose.values:
                self.ensure(
                    ConsentRecord,
                    {"candidate": candidate, "purpose": purpose, "withdrawn_at__isnull": True},
                    candidate=candidate,
                    purpose=purpose,
                    text_version=content.CONSENT_TEXT_VERSION,
                    channel=ConsentChannel.PAPER,
                )
            page.latest_revision.publish()

    def _fill_story(self, page, profile):
        """Write the rest of a new story (skills, wishes, experiences, testimonials) into its first revision.

        The page keeps a single revision, as one written in the admin in one go would.
        """
        if not profile:
            return
        fields = {
            key: profile[key]
            for key in ("wished_jobs", "availability", "available_from", "languages", "driving_licence", "transport")
            if key in profile
        }
        for key, value in fields.items():
            setattr(page, key, value)
        page.skills = [{"type": "skill", "value": skill} for skill in profile.get("skills", [])]
        page.strengths = [{"type": "strength", "value": strength} for strength in profile.get("strengths", [])]
        page.experiences = [
            {
                "type": "experience",
                "value": {
                    "kind": kind, "title": title, "place": place, "period": period, "description": description,
                    "tags": tags,
                },
            }
            for kind, title, place, period, description, tags in profile.get("experiences", [])
        ]
        page.testimonials = [
            {"type": "testimonial", "value": {"quote": quote, "author": author, "relation": relation}}
            for quote, author, relation in profile.get("testimonials", [])
        ]
        page.sectors = [self.sectors[slug] for slug in profile.get("sectors", [])]
        page.contract_types = list(ContractType.objects.filter(slug__in=profile.get("contract_types", [])))
        page.cities = [self.cities[name] for name in profile.get("cities", [])]
        page.save()
        revision = page.latest_revision
        revision.content = page.serializable_data()
        revision.save(update_fields=["content"])

    def _portrait(self, candidate, colours):
        """A placeholder portrait: the first name's initial on a soft colour, made once per candidate."""
        title = f"Illustration — {candidate.public_name}"
        image = CustomImage.objects.filter(title=title).order_by("pk").first()
        if image is not None:
            return image
        image = CustomImage(
            title=title,
            description=f"Illustration avec l'initiale de {candidate.first_name}",
            file=ImageFile(
                _portrait_png(candidate.first_name[:1].upper(), *colours),
                name=f"illustration-{slugify(candidate.first_name)}.png",
            ),
        )
        image._set_image_file_metadata()
        image.save()
        self.summary.count(image)
        return image

    # --- Coaches, pairs and accounts ------------------------------------------------------------------

    def coaches_and_pairs(self):
        for data in content.COACHES:
            employer = self.companies[data["employer"]] if data["employer"] else None
            self.coaches[data["email"]] = self.ensure(
                Coach, {"email__iexact": data["email"]}, **{**data, "employer": employer}
            )
        for coach_email, candidate_email, start_date, end_date in content.PAIRS:
            coach, candidate = self.coaches[coach_email], self.candidates[candidate_email]
            if Pair.objects.filter(coach=coach, candidate=candidate, start_date=start_date).exists():
                continue
            if end_date is None and Pair.objects.active().filter(Q(coach=coach) | Q(candidate=candidate)).exists():
                # Someone paired them differently in the admin: their choice wins over the demo.
                continue
            pair = Pair.objects.create(coach=coach, candidate=candidate, start_date=start_date, end_date=end_date)
            self.summary.count(pair)

    def accounts(self):
        admin = self._user(superuser=True, **content.ADMIN_USER)
        communication = self._user(groups=[roles.COMMUNICATION], **content.COMMUNICATION_USER)

        coach = self.coaches[content.COACH_USER["coach_email"]]
        coach_user = self._user(
            username=content.COACH_USER["username"],
            email=coach.email,
            first_name=coach.first_name,
            last_name=coach.last_name,
            groups=[roles.COACHES],
        )
        if coach.user_id is None and not Coach.objects.filter(user=coach_user).exists():
            coach.user = coach_user
            coach.save(update_fields=["user"])

        self.summary.logins = [
            (admin.username, "superuser"),
            (communication.username, roles.COMMUNICATION),
            (coach_user.username, f"{roles.COACHES} ({coach})"),
        ]

    def _user(self, *, username, superuser=False, groups=(), **fields):
        """The account with this username; a new one gets the demo password and its groups."""
        user = User.objects.filter(username=username).first()
        if user is not None:
            return user
        if superuser:
            user = User.objects.create_superuser(username=username, password=content.PASSWORD, **fields)
        else:
            user = User.objects.create_user(username=username, password=content.PASSWORD, **fields)
        user.groups.add(*(Group.objects.get(name=name) for name in groups))
        self.summary.count(user)
        return user


def _is_wagtail_welcome_page(page):
    """Wagtail's "Welcome to your new Wagtail site!": a plain, childless page right under the root."""
    return page.depth == 2 and page.specific_class is Page and page.numchild == 0


def _portrait_png(letter, background, ink):
    # Pillow's built-in font has no accented capitals: draw "E" for "Élodie" rather than a missing glyph.
    letter = unicodedata.normalize("NFKD", letter)[:1]
    image = Image.new("RGB", (PORTRAIT_SIZE, PORTRAIT_SIZE), background)
    draw = ImageDraw.Draw(image)
    centre = PORTRAIT_SIZE // 2
    radius = PORTRAIT_SIZE * 3 // 8
    # The circle is the background lightened towards white, so the picture stays soft.
    circle = tuple(round(channel + (255 - channel) * 0.6) for channel in ImageColor.getrgb(background))
    draw.ellipse((centre - radius, centre - radius, centre + radius, centre + radius), fill=circle)
    draw.text((centre, centre), letter, fill=ink, font=ImageFont.load_default(size=PORTRAIT_SIZE * 2 // 5), anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    return buffer
