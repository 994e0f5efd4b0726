"""The pages app's models, one module per kind of page: Django registers an app's models from its models package."""

from pages.models.counters import CounterBatch, StoryCounter
from pages.models.home import ContentPage, HomePage
from pages.models.images import CustomImage, CustomRendition
from pages.models.impact import ImpactPage
from pages.models.offers import OfferFormPage, OfferIndexPage
from pages.models.stories import CandidatePage, CandidatePageForm, CandidatePageQuerySet
from pages.models.story_list import CandidateIndexPage
from pages.models.workflows import CandidateApprovalTask

__all__ = [
    "CandidateApprovalTask",
    "CandidateIndexPage",
    "CandidatePage",
    "CandidatePageForm",
    "CandidatePageQuerySet",
    "ContentPage",
    "CounterBatch",
    "CustomImage",
    "CustomRendition",
    "HomePage",
    "ImpactPage",
    "OfferFormPage",
    "OfferIndexPage",
    "StoryCounter",
]
