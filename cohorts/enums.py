from django.db import models
from django.utils.translation import gettext_lazy as _


class CohortKind(models.TextChoices):
    ADULTS = "adults", _("Adults")
    YOUTH = "youth", _("Youth (16-25)")


class CohortStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    CLOSED = "closed", _("Closed")


class CandidateStatus(models.TextChoices):
    IN_PROGRAMME = "in_programme", _("In programme")
    HIRED = "hired", _("Hired")
    LEFT = "left", _("Left the programme")


class ConsentPurpose(models.TextChoices):
    PUBLISH_STORY = "publish_story", _("Publish the story")
    SHOW_PHOTO = "show_photo", _("Show the photo")
    SOCIAL_SHARING = "social_sharing", _("Allow sharing on social networks")


class ConsentChannel(models.TextChoices):
    PAPER = "paper", _("Signed paper form")
    IN_PERSON = "in_person", _("In person, witnessed by staff")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")
    APPROVAL_LINK = "approval_link", _("Approval link")


class HelpKind(models.TextChoices):
    HIRING = "hiring", _("I want to hire")
    ADVICE = "advice", _("I can give advice")
    NETWORK = "network", _("I can open my network")
    ENCOURAGEMENT = "encouragement", _("I want to encourage")
    OTHER = "other", _("Something else")


class ImportKind(models.TextChoices):
    COHORT = "cohort", _("Cohort (candidates, coaches, pairs)")
    OFFERS = "offers", _("Partner offers")


class ImportStatus(models.TextChoices):
    CHECKING = "checking", _("Checking the file")
    READY = "ready", _("Ready to import")
    INVALID = "invalid", _("Errors to fix")
    IMPORTING = "importing", _("Importing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Failed, nothing written")
    ABANDONED = "abandoned", _("Abandoned")


class ApplicationStatus(models.TextChoices):
    """Where a candidate stands with one offer; cohorts.models.applications.Application.change_status moves it."""

    PROPOSED = "proposed", _("Proposed")
    CONTACTED = "contacted", _("Contacted")
    INTERVIEW = "interview", _("Interview")
    IMMERSION = "immersion", _("PMSMP immersion")
    HIRED = "hired", _("Hired")
    REFUSED_BEFORE_INTERVIEW = "refused_before_interview", _("Refused before interview")
    REFUSED_AFTER_INTERVIEW = "refused_after_interview", _("Refused after interview")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class SessionKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    CALL = "call", _("Call")
    INTERVIEW_PREPARATION = "interview_preparation", _("Interview preparation")
    COMPANY_VISIT = "company_visit", _("Company visit")


class ExitCategory(models.TextChoices):
    """The exit categories of French inclusion programmes, as funders count them."""

    DURABLE_EMPLOYMENT = "durable_employment", _("Durable employment")
    TRANSITION_EMPLOYMENT = "transition_employment", _("Transition employment")
    POSITIVE_EXIT = "positive_exit", _("Positive exit (training, work-study, inclusion employer)")
    OTHER_EXIT = "other_exit", _("Other exit")
    DROP_OUT = "drop_out", _("Drop-out")


class FollowUpKind(models.TextChoices):
    TRIAL_END = "trial_end", _("End of the trial period")
    SIX_MONTHS = "six_months", _("6 months")
    TWELVE_MONTHS = "twelve_months", _("12 months")
