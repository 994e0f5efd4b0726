"""The snippets app's models, one module per kind: Django registers an app's models from its models package."""

from snippets.models.emails import EmailTemplate
from snippets.models.inclusive import InclusiveRule
from snippets.models.network import City, ContractType, Offer, PartnerCompany, ReferringOrganisation, Sector
from snippets.models.settings import ProgrammeSettings
from snippets.models.workflows import CityStaffApprovalTask

__all__ = [
    "City",
    "CityStaffApprovalTask",
    "ContractType",
    "EmailTemplate",
    "InclusiveRule",
    "Offer",
    "PartnerCompany",
    "ProgrammeSettings",
    "ReferringOrganisation",
    "Sector",
]
