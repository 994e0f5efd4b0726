"""What keeps a 10,000-row cohort import fast: its queries do not grow with its rows, and the bulk writing of story
pages gives each page the same revision Wagtail would. Timings are in bench/import_bench.py, not here."""

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from pages.models import CandidatePage

pytestmark = pytest.mark.django_db

HEADERS = ("Promotion;Ville;Prénom;Nom;E-mail;Téléphone;Date de naissance;Structure;Secteurs;Contrats;Coach prénom;"
           "Coach nom;Coach e-mail;Coach entreprise;Accroche;Histoire")


def cohort_file(count):
    """A cohort file as French Excel writes it (BOM, semicolons, names in capitals, phones and e-mails as typed, a
    story over several lines): ``count`` new candidates, each with a new coach, across a few new cohorts,
    referring organisations and companies."""
    lines = [HEADERS]
    for n in range(count):
        last_name = "DIALLO" if n % 7 == 0 else "Diallo"
        lines.append(
            f"Promo {n % 3};Lyon;Awa;{last_name};  Awa.Diallo.{n}@Example.org ;06.12.34.{n % 100:02d}.{n // 100:02d};"
            f"{1 + n % 28:02d}/03/1990;Structure {n % 4};Bâtiment, logistique;CDI;Claire;Coach{n};"
            f"coach.{n}@entreprise.fr;Entreprise {n % 5};Je ne lâche rien.;\"Arrivée en 2019.\n\nJe cherche un CDI.\""
        )
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode()


@pytest.mark.parametrize("dry_run", [True, False], ids=["preview", "confirm"])
@pytest.mark.parametrize("rows", [20, 200])
def test_the_queries_of_an_import_do_not_grow_with_its_rows(rows, dry_run, import_file, django_assert_max_num_queries):
    data = cohort_file(rows)

    # Reference data and lookups; the new cohorts, organisations and companies, a few queries each (one per distinct
    # name, never per row); then a fixed number of statements per batch of rows (candidates, coaches, pairs, pages,
    # revisions, log entries, search entries), which SQLite splits at 999 parameters. About 190 queries for 20 rows
    # as for 200: a query per row would add 180.
    with django_assert_max_num_queries(215):
        report = import_file("cohorte.csv", data=data, dry_run=dry_run)

    assert report.ok, report.as_text()
    assert report.counts["new"] == rows


def test_a_reimport_reads_in_a_few_queries_and_writes_nothing(import_file, django_assert_max_num_queries):
    data = cohort_file(200)
    import_file("cohorte.csv", data=data)

    with django_assert_max_num_queries(25):
        report = import_file("cohorte.csv", data=data)

    assert report.counts["unchanged"] == 200


def test_each_imported_story_has_the_revision_wagtail_would_give_it(import_file, admin_user):
    assert import_file("cohort_semicolon_utf8_bom.csv", user=admin_user).ok
    assert import_file("cohorte.csv", data=cohort_file(30), user=admin_user).ok

    for page in CandidatePage.objects.select_related("latest_revision"):
        revision = page.latest_revision
        expected = page.serializable_data()
        expected.pop("latest_revision")  # the revision is written after the content it holds
        content = dict(revision.content)
        content.pop("latest_revision")
        for name in ("sectors", "contract_types"):
            expected[name], content[name] = sorted(expected[name]), sorted(content[name])
        assert content == json.loads(json.dumps(expected, cls=DjangoJSONEncoder))
        assert (revision.object_id, revision.user, revision.object_str) == (str(page.pk), admin_user, page.title)
        assert page.revisions.count() == 1
        assert not page.live and page.has_unpublished_changes
