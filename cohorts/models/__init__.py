"""The cohorts app's models, one module per sub-domain: Django registers an app's models from its models package."""

from cohorts.models.applications import Application, ApplicationStatusChange
from cohorts.models.coaching import CoachingSession
from cohorts.models.consent import ConsentRecord
from cohorts.models.contact import ContactRequest
from cohorts.models.imports import ImportJob
from cohorts.models.outcomes import FollowUpCheck, Outcome
from cohorts.models.people import Candidate, Coach, Cohort, Pair
from cohorts.models.retention import RetentionSettings

__all__ = [
    "Application",
    "ApplicationStatusChange",
    "Candidate",
    "Coach",
    "CoachingSession",
    "Cohort",
    "ConsentRecord",
    "ContactRequest",
    "FollowUpCheck",
    "ImportJob",
    "Outcome",
    "Pair",
    "RetentionSettings",
]
