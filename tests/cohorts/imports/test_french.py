"""Admins read the report in French: the messages come out as the issue writes them."""

from django.utils import translation

from cohorts.imports.report import error_report_csv
from cohorts.imports.runner import read, run_import
from tests.cohorts.imports.conftest import read_data


def test_the_report_speaks_french(references):
    with translation.override("fr"):
        report = run_import("cohort", read_data("cohort_errors.csv"), "cohort_errors.csv", dry_run=True)
        text = report.as_text()
        table, _failure = read("cohort", read_data("cohort_errors.csv"), "cohort_errors.csv")
        csv_text = error_report_csv(report, table)

    assert "ligne 2, colonne date_naissance : « 31/02/1990 » n'est pas une date" in text
    assert "Essai à blanc : rien n'a été écrit." in text
    assert "Rien n'a été écrit : corrigez les erreurs et importez à nouveau le fichier." in text
    assert "date_naissance : « 31/02/1990 » n'est pas une date" in csv_text

