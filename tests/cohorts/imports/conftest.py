"""What the import tests share: the files of data/, the reference data they name, and a way to run them."""

from pathlib import Path

import pytest
from django.utils import translation
from wagtail.models import Page, PageLogEntry, Revision

from cohorts.enums import ImportKind
from cohorts.imports.runner import run_import
from cohorts.models import Candidate, Coach, Cohort, Pair
from pages.models import CandidatePage
from snippets.models import Offer, PartnerCompany, ReferringOrganisation
from tests.snippets.factories import CityFactory, SectorFactory

DATA = Path(__file__).resolve().parent / "data"

# Every table an import may write to: a dry run or a failed import leaves all of them as they were.
COUNTED = {
    "candidates": Candidate, "coaches": Coach, "cohorts": Cohort, "pairs": Pair, "companies": PartnerCompany,
    "organisations": ReferringOrganisation, "offers": Offer, "pages": Page, "story pages": CandidatePage,
    "revisions": Revision, "page log entries": PageLogEntry,
}


def read_data(name):
    return (DATA / name).read_bytes()


@pytest.fixture(autouse=True)
def _english(settings):
    """The tests read the English wording; the French translation is checked with the translation files."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def references(story_index):
    """The cities, job families and story list page the files of data/ name (contract types are seeded)."""
    cities = {name: CityFactory(name=name, department=department)
              for name, department in (("Lyon", "69"), ("Marseille", "13"), ("Saint-Étienne", "42"))}
    sectors = {label: SectorFactory(label=label, slug=slug) for label, slug in (
        ("Bâtiment", "batiment"), ("Logistique", "logistique"), ("Hôtellerie-restauration", "hotellerie-restauration"),
    )}
    return {"cities": cities, "sectors": sectors, "story_index": story_index}


@pytest.fixture
def import_file(references):
    """Run a file of tests/cohorts/imports/data through the import: ``import_file("cohort.xlsx", dry_run=True)``."""

    def run(name, *, kind=None, dry_run=False, user=None, data=None):
        if kind is None:
            kind = ImportKind.OFFERS if name.startswith("offers") else ImportKind.COHORT
        return run_import(kind, read_data(name) if data is None else data, name, dry_run=dry_run, user=user)

    return run


@pytest.fixture
def db_counts(db):
    """The number of rows in every table an import writes to."""

    def counts():
        return {label: model.objects.count() for label, model in COUNTED.items()}

    return counts


def rows_by_label(report):
    return {row.label: row for row in report.rows}
