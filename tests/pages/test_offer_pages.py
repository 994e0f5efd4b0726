"""The public offers: only validated, live, unexpired, non-private offers are listed; each has its own page."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import Site

from pages.models.offers import OfferFormPage, OfferIndexPage, offer_slug, offer_url
from snippets.enums import OfferStatus
from snippets.models import ContractType
from snippets.models.settings import ProgrammeSettings
from tests.cohorts.factories import CandidateFactory
from tests.pages.factories import ImageFactory
from tests.snippets.factories import CityFactory, OfferFactory, PartnerCompanyFactory, SectorFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Unclosed file <tempfile.SpooledTemporaryFile:ResourceWarning"),
]

# The same for 3 offers as for 30: one count, one page of 12 with their relations, the filters' choices, and the
# site's menu, footer and settings.
OFFER_LIST_MAX_QUERIES = 23
OFFER_PAGE_MAX_QUERIES = 19

CARD_LINK = re.compile(r'class="offer-card__link" href="([^"]+)"')
TEAM_EMAIL = "equipe@tremplin.example"


@pytest.fixture
def client(client):
    """Visitors reading in English: the assertions below read the English wording, whatever French says."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def offer_index(home_page):
    return home_page.add_child(instance=OfferIndexPage(title="Offres", slug="offres"))


@pytest.fixture
def team_email(home_page):
    programme = ProgrammeSettings.for_site(Site.objects.get(is_default_site=True))
    programme.contact_email = TEAM_EMAIL
    programme.save()
    return TEAM_EMAIL


def html(response):
    return response.content.decode()


def card_urls(response):
    return CARD_LINK.findall(html(response))


def days(number):
    return timezone.localdate() + datetime.timedelta(days=number)


def public_offer(**fields):
    return OfferFactory(published=True, **fields)


# The list -------------------------------------------------------------------------------------------------------------


def test_list_shows_only_public_offers(client, offer_index):
    public = public_offer(title="Aide-maçon")
    OfferFactory(title="En attente de validation")  # pending
    OfferFactory(published=True, title="Privée", target_candidate=CandidateFactory())
    OfferFactory(published=True, title="Expirée hier", expires_on=days(-1))
    OfferFactory(status=OfferStatus.EXPIRED, published_on=days(-70), expires_on=days(-10), title="Expirée")
    OfferFactory(published=True, live=False, title="Dépubliée")
    OfferFactory(status=OfferStatus.FILLED, live=True, published_on=days(-5), title="Pourvue")
    last_day = public_offer(title="Dernier jour", expires_on=days(0))

    response = client.get(offer_index.url)

    assert response.status_code == 200
    assert sorted(card_urls(response)) == sorted([offer_url(public), offer_url(last_day)])
    for hidden in ("En attente de validation", "Privée", "Expirée", "Dépubliée", "Pourvue"):
        assert hidden not in html(response)


def test_card_shows_title_company_city_contract_start_and_job_family(client, offer_index):
    offer = public_offer(
        title="Commis de cuisine", company=PartnerCompanyFactory(name="La Table de Belleville"),
        city=CityFactory(name="Paris"), contract_type=ContractType.objects.get(slug="cdd"), part_time=True,
        start_date=datetime.date(2099, 1, 4), sector=SectorFactory(label="Restauration"),
    )

    card = html(client.get(offer_index.url)).split('class="offer-card"', 1)[1].split("</article>", 1)[0]

    assert f'href="{offer_url(offer)}"' in card
    for text in ("Commis de cuisine", "La Table de Belleville", "Paris", "CDD", "part-time", "From 4 January 2099",
                 "Restauration"):
        assert text in card


def test_a_start_date_already_passed_reads_as_soon_as_possible(client, offer_index):
    public_offer(start_date=days(-3))

    assert "Starts as soon as possible" in html(client.get(offer_index.url))


def test_newest_validated_offer_comes_first(client, offer_index):
    old = public_offer(published_on=days(-20), expires_on=days(40))
    new = public_offer(published_on=days(-1), expires_on=days(59))
    middle = public_offer(published_on=days(-8), expires_on=days(52))

    assert card_urls(client.get(offer_index.url)) == [offer_url(new), offer_url(middle), offer_url(old)]


def test_filters_by_city_job_family_and_contract(client, offer_index):
    lille, paris = CityFactory(name="Lille"), CityFactory(name="Paris")
    building = SectorFactory(label="Bâtiment", slug="batiment")
    cooking = SectorFactory(label="Restauration", slug="restauration")
    cdi, temp = ContractType.objects.get(slug="cdi"), ContractType.objects.get(slug="temp")
    mason_lille = public_offer(city=lille, sector=building, contract_type=cdi)
    temp_lille = public_offer(city=lille, sector=building, contract_type=temp)
    cook_paris = public_offer(city=paris, sector=cooking, contract_type=cdi)

    assert sorted(card_urls(client.get(offer_index.url, {"city": lille.pk}))) == sorted(
        [offer_url(mason_lille), offer_url(temp_lille)]
    )
    assert card_urls(client.get(offer_index.url, {"sector": "restauration"})) == [offer_url(cook_paris)]
    assert sorted(card_urls(client.get(offer_index.url, {"contract_type": "cdi"}))) == sorted(
        [offer_url(mason_lille), offer_url(cook_paris)]
    )
    response = client.get(offer_index.url, {"city": lille.pk, "contract_type": "cdi", "sector": ""})
    assert card_urls(response) == [offer_url(mason_lille)]
    assert "1 offer matches your search" in html(response)


def test_filters_work_as_a_plain_form_and_show_what_narrows_the_list(client, offer_index):
    lille = CityFactory(name="Lille")
    public_offer(city=lille)
    public_offer()

    response = client.get(offer_index.url, {"city": lille.pk})
    page = html(response)

    form = page.split('<form class="story-filters offer-filters"', 1)[1].split("</form>", 1)[0]
    assert 'method="get"' in form and f'action="{offer_index.url}"' in form
    assert '<button class="button button--primary" type="submit">Filter</button>' in form
    chips = page.split('class="active-filters"', 1)[1]
    assert "Lille" in chips
    assert f'href="{offer_index.url}"' in chips  # clear all
    assert '<meta name="robots" content="noindex, follow">' in page


def test_choices_only_hold_what_public_offers_use(client, offer_index):
    used = CityFactory(name="Lille")
    unused = CityFactory(name="Rennes")
    public_offer(city=used)
    OfferFactory(city=unused)  # pending: not public

    form = html(client.get(offer_index.url)).split("</form>", 1)[0]

    assert f'value="{used.pk}"' in form
    assert f'value="{unused.pk}"' not in form


def test_a_stale_choice_in_the_address_drops_only_that_filter(client, offer_index):
    cdi = ContractType.objects.get(slug="cdi")
    kept = public_offer(contract_type=cdi)
    public_offer(contract_type=ContractType.objects.get(slug="temp"))

    response = client.get(offer_index.url, {"city": 999_999, "contract_type": "cdi"})

    assert response.status_code == 200
    assert card_urls(response) == [offer_url(kept)]


def test_no_match_says_so_with_the_page_text(client, offer_index):
    offer_index.empty_text = "Rien pour l'instant, revenez bientôt."
    offer_index.save()
    lille = CityFactory(name="Lille")
    public_offer(city=lille, contract_type=ContractType.objects.get(slug="cdi"))
    public_offer(contract_type=ContractType.objects.get(slug="temp"))

    page = html(client.get(offer_index.url, {"city": lille.pk, "contract_type": "temp"}))

    assert "No offer matches these filters" in page
    assert "Rien pour l&#x27;instant, revenez bientôt." in page


def test_an_empty_list_says_offers_come_soon(client, offer_index):
    page = html(client.get(offer_index.url))

    assert "No offer is online right now" in page
    assert "<form" not in page.split('id="main"', 1)[1]


def test_twelve_offers_a_page_with_links_to_the_others(client, offer_index):
    offers = [public_offer(published_on=days(-index), expires_on=days(60 - index)) for index in range(13)]

    first = client.get(offer_index.url)
    second = client.get(offer_index.url, {"page": 2})

    assert card_urls(first) == [offer_url(offer) for offer in offers[:12]]
    assert card_urls(second) == [offer_url(offers[12])]
    assert f'href="{offer_index.url}?page=2" rel="next"' in html(first)
    assert 'rel="prev"' in html(second) and 'rel="next"' not in html(second)
    assert "Page 2 of 2" in html(second)


def test_pages_keep_the_filters(client, offer_index):
    lille = CityFactory(name="Lille")
    for index in range(13):
        public_offer(city=lille, published_on=days(-index))

    page = html(client.get(offer_index.url, {"city": lille.pk}))

    assert f'href="{offer_index.url}?city={lille.pk}&amp;page=2" rel="next"' in page


@pytest.mark.parametrize("count", [3, 30])
def test_list_query_count_does_not_grow_with_offers(count, client, offer_index, django_assert_max_num_queries):
    for _index in range(count):
        public_offer(city=CityFactory(), sector=SectorFactory(), company=PartnerCompanyFactory())

    with django_assert_max_num_queries(OFFER_LIST_MAX_QUERIES):
        response = client.get(offer_index.url)

    assert len(card_urls(response)) == min(count, 12)


def test_list_links_to_the_offer_form_when_there_is_one(client, offer_index, home_page):
    public_offer()
    assert "Submit a job offer" not in html(client.get(offer_index.url))

    form_page = home_page.add_child(instance=OfferFormPage(title="Proposer une offre", slug="proposer-une-offre"))

    page = html(client.get(offer_index.url))
    assert f'<a class="button button--primary" href="{form_page.url}">Submit a job offer</a>' in page


# One offer ------------------------------------------------------------------------------------------------------------


def test_offer_page_shows_what_a_coach_needs(client, offer_index, team_email):
    logo = ImageFactory(title="Logo Béton")
    offer = public_offer(
        title="Aide-maçon ou aide-maçonne",
        company=PartnerCompanyFactory(name="Atelier Béton Lillois", website="https://beton.example", logo=logo),
        city=CityFactory(name="Lille"), contract_type=ContractType.objects.get(slug="cdi"), part_time=True,
        start_date=datetime.date(2099, 1, 4), duration="6 mois", positions=2, salary="SMIC + primes",
        working_hours="7 h 30 – 15 h 30", driving_licence_required=True, sector=SectorFactory(label="Bâtiment"),
        description="Vous préparez le mortier.\nPas de diplôme demandé.",
        message_to_candidates="On vous attend avec un café.",
        published_on=datetime.date(2026, 11, 2), expires_on=datetime.date(2099, 1, 1),
    )

    response = client.get(offer_url(offer))
    page = html(response)

    assert response.status_code == 200
    for text in (
        "Aide-maçon ou aide-maçonne", 'href="https://beton.example"', "Atelier Béton Lillois", "Lille", "CDI",
        "part-time", "4 January 2099", "6 mois", "2 positions", "SMIC + primes", "7 h 30 – 15 h 30",
        "Required: the job means driving", "Bâtiment", "<p>Vous préparez le mortier.<br>Pas de diplôme demandé.</p>",
        "On vous attend avec un café.", "Validated by our team on 2 November 2026.", "Online until 1 January 2099.",
        "Are you supporting a candidate? Contact the team", f'href="mailto:{team_email}?subject=',
    ):
        assert text in page, text
    assert 'class="offer-company__logo"' in page


def test_offer_texts_are_escaped(client, offer_index):
    offer = public_offer(description="<script>alert(1)</script>", message_to_candidates="<b>Bienvenue</b>")

    page = html(client.get(offer_url(offer)))

    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Bienvenue&lt;/b&gt;" in page


def test_recruiter_contact_details_are_never_on_the_page(client, offer_index, team_email):
    offer = public_offer(
        contact_name="Sophie Recruteuse", contact_role="Gérante", contact_email="sophie@recrute.example",
        contact_phone="06 99 88 77 66",
    )

    page = html(client.get(offer_url(offer)))

    for private in ("Sophie Recruteuse", "Gérante", "sophie@recrute.example", "06 99 88 77 66"):
        assert private not in page
    assert team_email in page


def test_offer_page_shows_well_when_shared(client, offer_index):
    offer = public_offer(title="Plongeur", company=PartnerCompanyFactory(name="La Table"), description="Un poste clé.")

    page = html(client.get(offer_url(offer)))

    assert '<meta property="og:title" content="Plongeur · La Table">' in page
    assert '<meta property="og:description" content="Un poste clé.">' in page
    assert f'<meta property="og:url" content="http://localhost{offer_url(offer)}">' in page
    assert '<meta property="og:image" content="http://localhost/static/img/share-default.png">' in page


@pytest.mark.parametrize("count", [1, 10])
def test_offer_page_query_count_is_flat(count, client, offer_index, django_assert_max_num_queries):
    offer = public_offer()
    for _index in range(count):
        public_offer(company=offer.company, city=offer.city)

    with django_assert_max_num_queries(OFFER_PAGE_MAX_QUERIES):
        assert client.get(offer_url(offer)).status_code == 200


@pytest.mark.parametrize(
    "fields",
    [
        {"status": OfferStatus.PENDING},
        {"status": OfferStatus.DRAFT},
        {"status": OfferStatus.ARCHIVED},  # turned down before it was ever validated
        {"private": True},
    ],
    ids=["pending", "draft", "refused", "private"],
)
def test_offers_never_public_do_not_exist(fields, client, offer_index):
    if fields.pop("private", False):
        offer = public_offer(target_candidate=CandidateFactory())
    else:
        offer = OfferFactory(**fields)

    assert client.get(offer_index.url + offer_index.reverse_subpage(
        "offer", kwargs={"offer_id": offer.pk, "slug": offer_slug(offer)}
    )).status_code == 404


def test_unknown_offer_is_404(client, offer_index):
    assert client.get(f"{offer_index.url}999999-nimporte-quoi/").status_code == 404


@pytest.mark.parametrize(
    "fields",
    [
        {"status": OfferStatus.EXPIRED, "live": False},
        {"status": OfferStatus.PUBLISHED, "expires_on_days": -1},  # past its last day, before the hourly command
        {"status": OfferStatus.ARCHIVED, "live": False},
        {"status": OfferStatus.PUBLISHED, "live": False},
    ],
    ids=["expired", "past-last-day", "archived", "unpublished"],
)
def test_offer_no_longer_online_says_so(fields, client, offer_index):
    expires_on = days(fields.pop("expires_on_days", 20))
    offer = OfferFactory(published_on=days(-60), expires_on=expires_on, title="Cariste", **fields)

    response = client.get(offer_url(offer))

    assert response.status_code == 410
    page = html(response)
    assert "This offer is no longer available" in page
    assert f'href="{offer_index.url}"' in page
    assert "Good news" not in page


def test_filled_offer_gives_the_good_news(client, offer_index):
    offer = OfferFactory(status=OfferStatus.FILLED, live=True, published_on=days(-10), expires_on=days(50))

    response = client.get(offer_url(offer))

    assert response.status_code == 410
    assert "Good news: the job has been filled." in html(response)


def test_a_wrong_slug_redirects_to_the_offer_address(client, offer_index):
    offer = public_offer(title="Aide-maçon ou aide-maçonne")
    right = offer_url(offer)
    assert right == f"{offer_index.url}{offer.pk}-aide-macon-ou-aide-maconne/"

    wrong = client.get(f"{offer_index.url}{offer.pk}-ancien-titre/")
    short = client.get(f"{offer_index.url}{offer.pk}/")

    assert (wrong.status_code, wrong["Location"]) == (301, right)
    assert (short.status_code, short["Location"]) == (301, right)


def test_offer_url_is_empty_without_an_offer_list(db):
    assert offer_url(OfferFactory(published=True)) == ""
