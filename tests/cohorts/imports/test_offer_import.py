"""The partner offers import end to end: offers arrive pending validation, are recognised by their reference (else
by company, title and city) on the next import, and a bad row writes nothing."""

import datetime

import pytest

from snippets.enums import OfferStatus
from snippets.models import Offer, PartnerCompany
from tests.cohorts.imports.conftest import rows_by_label
from tests.snippets.factories import OfferFactory, PartnerCompanyFactory

pytestmark = pytest.mark.django_db

CONTRACTS = "Alternance, Autre, CDD, CDDI, CDI, Intérim, PMSMP (immersion), Stage"


@pytest.fixture
def transports(db):
    """A partner company already known, written a little differently from the files."""
    return PartnerCompanyFactory(name="Transports Rhone", sector=None, city=None)


def test_new_offers_arrive_pending_validation(import_file, transports, references):
    report = import_file("offers.csv")

    assert report.ok, report.as_text()
    assert report.counts == {"new": 4, "updated": 0, "unchanged": 0, "error": 0}
    assert set(Offer.objects.values_list("status", flat=True)) == {OfferStatus.PENDING}
    offer = Offer.objects.get(reference="BA-2026-01")
    assert (offer.title, offer.company.name, offer.contract_type.slug, offer.city.name, offer.sector.label) == (
        "Vendeur en boulangerie", "Boulangerie Ange", "cdi", "Lyon", "Hôtellerie-restauration",
    )
    assert offer.description == "Accueil des clients\net mise en rayon."
    assert (offer.start_date, offer.positions) == (datetime.date(2026, 10, 1), 2)
    assert (offer.contact_name, offer.contact_email, offer.contact_phone) == (
        "Sophie Martin", "rh@boulangerie-ange.fr", "04 78 12 34 56",
    )
    commis = Offer.objects.get(reference="BA-2026-02")
    assert (commis.positions, commis.sector, commis.start_date) == (1, None, datetime.date(2026, 11, 15))
    picker = Offer.objects.get(title="Préparateur de commandes")
    assert (picker.company, picker.contract_type.slug, picker.city.name, picker.contact_phone) == (
        transports, "temp", "Saint-Étienne", "04 77 00 11 22",
    )


def test_an_unknown_company_is_created_once(import_file, transports):
    report = import_file("offers.csv")

    assert report.created == [["New partner companies", ["Boulangerie Ange"]]]
    assert sorted(PartnerCompany.objects.values_list("name", flat=True)) == ["Boulangerie Ange", "Transports Rhone"]
    assert Offer.objects.filter(company__name="Boulangerie Ange").count() == 2


def test_importing_the_same_offers_again_changes_nothing(import_file, db_counts):
    import_file("offers.csv")
    before = db_counts()

    for name in ("offers.csv", "offers.xlsx"):  # the XLSX holds the same offers, with date and number cells
        report = import_file(name)
        assert report.counts == {"new": 0, "updated": 0, "unchanged": 4, "error": 0}, (name, report.as_text())
        assert report.created == []

    assert db_counts() == before


def test_the_reference_is_the_key_and_company_title_and_city_without_it(import_file, db_counts):
    import_file("offers.csv")
    first = {offer.pk: offer.title for offer in Offer.objects.all()}
    before = db_counts()

    report = import_file("offers_changed.csv")

    assert report.ok
    assert report.counts == {"new": 0, "updated": 2, "unchanged": 2, "error": 0}
    rows = rows_by_label(report)
    renamed = rows["Vendeuse / vendeur en boulangerie — Boulangerie Ange"]
    assert (renamed.line, renamed.status) == (2, "updated")
    assert renamed.changes == ["Title: Vendeur en boulangerie → Vendeuse / vendeur en boulangerie"]
    described = rows["Préparateur de commandes — Transports Rhône"]
    assert described.changes == ["Description: Port de charges. → Port de charges, travail en équipe."]
    assert db_counts() == before
    offer = Offer.objects.get(reference="BA-2026-01")
    assert first[offer.pk] == "Vendeur en boulangerie"  # the same offer, renamed
    assert offer.title == "Vendeuse / vendeur en boulangerie"
    assert Offer.objects.get(title="Préparateur de commandes").description == "Port de charges, travail en équipe."


def test_an_update_keeps_the_offers_status(import_file):
    import_file("offers.csv")
    Offer.objects.filter(reference="BA-2026-01").update(status=OfferStatus.PUBLISHED)

    import_file("offers_changed.csv")

    assert Offer.objects.get(reference="BA-2026-01").status == OfferStatus.PUBLISHED


def test_an_offer_entered_by_hand_is_recognised_by_company_title_and_city(import_file, references, transports):
    existing = OfferFactory(company=transports, title="Chauffeur livreur", city=references["cities"]["Lyon"],
                            sector=references["sectors"]["Logistique"], description="", reference="")

    report = import_file("offers.csv")

    assert rows_by_label(report)["Chauffeur livreur — Transports Rhône"].status == "unchanged"
    assert Offer.objects.filter(title="Chauffeur livreur").get() == existing


OFFER_ERRORS = {
    3: "line 3, column reference: this offer is already on line 2",
    5: "line 5, column titre: this offer is already on line 4",
    6: f"line 6, column contrat: « Freelance » is not a known contract type (known: {CONTRACTS})",
    7: "line 7, column ville: « Atlantis » is not a known city (known: Lyon (69), Marseille (13), Saint-Étienne (42))",
    8: "line 8, column nb_postes: « 0 » is not a whole number of at least 1",
}


def test_each_offer_error_is_reported_and_nothing_is_written(import_file, db_counts):
    before = db_counts()

    report = import_file("offers_errors.csv")

    assert not report.ok
    assert {row.line: row.error_texts() for row in report.error_rows()} == {
        line: [text] for line, text in OFFER_ERRORS.items()
    }
    assert [row.status for row in report.rows if row.line in (2, 4)] == ["new", "new"]
    assert db_counts() == before  # no offer, and no company either


def test_the_offers_dry_run_writes_nothing_and_predicts_the_import(import_file, db_counts):
    before = db_counts()

    preview = import_file("offers.csv", dry_run=True)

    assert db_counts() == before
    result = import_file("offers.csv")
    assert (preview.counts, preview.created) == (result.counts, result.created)
    assert Offer.objects.count() == 4


def test_an_exception_while_writing_offers_writes_nothing(import_file, db_counts, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("index unavailable")

    monkeypatch.setattr("cohorts.imports.offers.index_in_bulk", broken)  # after offers and companies are written
    before = db_counts()

    report = import_file("offers.csv")

    assert report.file_errors == ["The import stopped on an unexpected error: index unavailable"]
    assert db_counts() == before


def test_a_missing_offer_column_is_named(import_file):
    report = import_file("offers.csv", data=b"entreprise;titre;ville\r\nBoulangerie Ange;Vendeur;Lyon\r\n")

    assert report.file_errors == ["The column contrat is missing (headers read: entreprise, titre, ville)."]
