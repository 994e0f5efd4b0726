"""The register of processing (« registre des traitements », GDPR article 30), written once, as data.

Each processing says its purpose, its legal basis, the categories of data, who receives them and how long they
are kept. The retention is computed from cohorts.models.RetentionSettings, which the daily purge applies
(cohorts/gdpr/retention.py): the register and the purge read the same periods, so they never disagree. The admin
shows it (Paramètres → Registre des traitements) and the public « données personnelles » page renders it through
a block of the public site (pages.blocks.RegisterBlock).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cohorts.models import RetentionSettings


def months(count):
    return ngettext("%(count)s month", "%(count)s months", count) % {"count": count}


def days(count):
    return ngettext("%(count)s day", "%(count)s days", count) % {"count": count}


@dataclass(frozen=True)
class Processing:
    """One processing of the register. ``retention`` turns the retention settings into the sentence shown."""

    key: str
    name: str
    purpose: str
    legal_basis: str
    data: tuple
    recipients: tuple
    retention: object


@dataclass(frozen=True)
class Entry:
    """A processing as the register shows it today: every text final, the retention with today's periods."""

    key: str
    name: str
    purpose: str
    legal_basis: str
    data: tuple
    recipients: tuple
    retention: str


def _follow_up_retention(retention):
    return _(
        "During the programme and the follow-up after the exit, then %(period)s after the exit: the record is "
        "then anonymised (name, contact details, birth date and notes erased) and only counts in the figures."
    ) % {"period": months(retention.left_candidate_months)}


def _story_retention(retention):
    return _(
        "Online as long as the candidate consents: withdrawing the consent takes the story offline at once. The "
        "consents themselves are kept as proof, with the candidate's record."
    )


def _contact_retention(retention):
    return _("%(period)s after the request was received, then deleted.") % {
        "period": months(retention.contact_request_months)}


def _offers_retention(retention):
    return _(
        "Online while the offer is valid (60 days by default, renewable by the recruiter). The recruiter's contact "
        "details stay with the offer for the follow-up of the people hired; staff delete old offers by hand."
    )


def _coaching_retention(retention):
    return _(
        "The sessions stay for the programme's figures; their private notes are erased %(period)s after the pair "
        "ended. Spreadsheet imports keep the values of their file for %(import_period)s, then only their counts "
        "and errors."
    ) % {"period": months(retention.coaching_note_months), "import_period": days(retention.import_report_days)}


def _impact_retention(retention):
    return _(
        "The figures name no one and are kept. They are computed from records that follow their own retention, "
        "anonymised records included."
    )


def _counters_retention(retention):
    return _(
        "The daily counts name no one and are kept. The keyed fingerprints that count a visitor once a day are "
        "forgotten at the end of the day, with the day's key; what visitors' sessions remembered before is "
        "forgotten after %(period)s."
    ) % {"period": days(retention.counter_trace_days)}


PROCESSINGS = (
    Processing(
        key="follow_up",
        name=_("Candidates' follow-up"),
        purpose=_(
            "Accompany each candidate towards a job for six months with a volunteer coach, then follow the job up "
            "(end of the trial period, 6 and 12 months)."
        ),
        legal_basis=_("The support agreement with the candidate (GDPR art. 6(1)(b))."),
        data=(_("identity and contact details"), _("birth date"), _("cohort and referring organisation"),
              _("applications and their statuses"), _("exit and job (employer, contract, dates)"),
              _("staff's private notes")),
        recipients=(_("the programme's staff in the candidate's city"), _("the candidate's coach, for their own "
                    "candidate only")),
        retention=_follow_up_retention,
    ),
    Processing(
        key="story",
        name=_("Story publication"),
        purpose=_("Publish the candidate's short story so that the public shares it and opens their network."),
        legal_basis=_("The candidate's consent, given for each purpose and withdrawable at any time (art. 6(1)(a))."),
        data=(_("first name and initial"), _("photo, if the candidate agrees"), _("story, skills and wishes"),
              _("consents (date, channel, version of the text)")),
        recipients=(_("the public: only what the candidate approved, never their contact details"),
                    _("the communications staff")),
        retention=_story_retention,
    ),
    Processing(
        key="contact_requests",
        name=_("Contact requests"),
        purpose=_("Pass on to the coach and the staff the help that a reader offers a candidate from their story."),
        legal_basis=_("The consent of the sender, who agrees to be contacted (art. 6(1)(a))."),
        data=(_("sender's name, company, e-mail address and phone"), _("kind of help and message")),
        recipients=(_("the candidate's coach"), _("the programme's staff in the candidate's city")),
        retention=_contact_retention,
    ),
    Processing(
        key="offers",
        name=_("Partner offers"),
        purpose=_("Receive, check and publish job offers, and propose them to the candidates they suit."),
        legal_basis=_("The legitimate interest of the programme and of the recruiting company (art. 6(1)(f))."),
        data=(_("the offer"), _("the recruiter's name, role, e-mail address and phone")),
        recipients=(_("the programme's staff"), _("the public: the offer without the recruiter's contact details"),
                    _("the coach of a candidate it is proposed to")),
        retention=_offers_retention,
    ),
    Processing(
        key="coaching",
        name=_("Coaching"),
        purpose=_("Log the pair's sessions so that staff see which pairs need help, and remind quiet coaches."),
        legal_basis=_("The support agreement with the candidate and the volunteer agreement with the coach "
                      "(art. 6(1)(b))."),
        data=(_("coach's identity and contact details"), _("dates, kinds and durations of sessions"),
              _("short private notes")),
        recipients=(_("the coach"), _("the programme's staff")),
        retention=_coaching_retention,
    ),
    Processing(
        key="impact",
        name=_("Impact statistics"),
        purpose=_("Report the programme's results to its funders and to the public."),
        legal_basis=_("The programme's legitimate interest in accounting for its results (art. 6(1)(f))."),
        data=(_("aggregated figures only: no figure about fewer than 5 people is shown outside"),),
        recipients=(_("the programme's staff"), _("funders and the public: aggregated figures only")),
        retention=_impact_retention,
    ),
    Processing(
        key="counters",
        name=_("Audience counters"),
        purpose=_("Count the views, shares and QR-code scans of each story, on our own server, with no tracker."),
        legal_basis=_("The programme's legitimate interest (art. 6(1)(f)): audience measurement exempt from consent "
                      "under the CNIL's guidance, with no IP address stored."),
        data=(_("daily counts per story and channel"),
              _("in the server's cache until the end of the day only: a fingerprint of the visitor's address and "
                "browser, keyed with a secret drawn at random each day, never the address itself")),
        recipients=(_("the programme's staff"), _("the candidate's coach, for their own candidate's story"),
                    _("the public: the total of shares only")),
        retention=_counters_retention,
    ),
)


def register_entries(retention=None):
    """The register as it stands, each retention with the periods saved in the settings (or their defaults)."""
    retention = retention or RetentionSettings.current()
    return [
        Entry(key=item.key, name=str(item.name), purpose=str(item.purpose), legal_basis=str(item.legal_basis),
              data=tuple(str(text) for text in item.data), recipients=tuple(str(text) for text in item.recipients),
              retention=str(item.retention(retention)))
        for item in PROCESSINGS
    ]
