from cohorts.enums import ImportKind
from cohorts.imports.command import ImportCommand


class Command(ImportCommand):
    help = (
        "Import partner offers (arriving pending validation) from a CSV or XLSX file, all or nothing. "
        "Prints the same report as the admin and exits with an error when a row is wrong."
    )
    kind = ImportKind.OFFERS
