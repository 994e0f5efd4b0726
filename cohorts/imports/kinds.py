"""The two kinds of import, and what each needs: its columns, its Resource and the permission to run it."""

from dataclasses import dataclass

from django.utils.module_loading import import_string

from cohorts.enums import ImportKind
from cohorts.imports.columns import COHORT_COLUMNS, COHORT_REQUIRED, OFFER_COLUMNS, OFFER_REQUIRED


@dataclass(frozen=True)
class ImportSpec:
    kind: str
    columns: dict
    required: tuple
    resource_path: str
    permission: str
    template_name: str

    @property
    def resource_class(self):
        return import_string(self.resource_path)

    @property
    def label(self):
        return ImportKind(self.kind).label

    def allowed(self, user):
        return user.has_perm(self.permission)

    @property
    def template_headers(self):
        return [key for key in self.columns if not key.startswith("_")]


KINDS = {
    ImportKind.COHORT: ImportSpec(
        kind=ImportKind.COHORT, columns=COHORT_COLUMNS, required=COHORT_REQUIRED,
        resource_path="cohorts.imports.resources.CohortResource", permission="cohorts.import_cohort",
        template_name="modele-import-promotion",
    ),
    ImportKind.OFFERS: ImportSpec(
        kind=ImportKind.OFFERS, columns=OFFER_COLUMNS, required=OFFER_REQUIRED,
        resource_path="cohorts.imports.offers.OfferResource", permission="cohorts.import_offers",
        template_name="modele-import-offres",
    ),
}


def allowed_kinds(user):
    return [spec for spec in KINDS.values() if spec.allowed(user)]
