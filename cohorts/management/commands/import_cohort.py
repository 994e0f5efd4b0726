from cohorts.enums import ImportKind
from cohorts.imports.command import ImportCommand


class Command(ImportCommand):
    help = (
        "Import a cohort (candidates, coaches, pairs and draft story pages) from a CSV or XLSX file, all or nothing. "
        "Prints the same report as the admin and exits with an error when a row is wrong."
    )
    kind = ImportKind.COHORT
