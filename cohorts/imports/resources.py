"""The cohort import: one row per candidate, with their coach; see the column list in README.md."""

import datetime

from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields

from cohorts.hooks import AFTER_COHORT_IMPORT
from cohorts.hooks import run as run_hook
from cohorts.imports.base import SpreadsheetResource, add_error, index_in_bulk
from cohorts.imports.columns import normalise_header
from cohorts.imports.widgets import (
    EmailWidget,
    FlexibleDateWidget,
    LookupWidget,
    NameWidget,
    PhoneWidget,
    TextWidget,
    split_list,
)
from cohorts.models import Candidate, Coach, Cohort, Pair
from snippets.enums import ReferringOrganisationKind
from snippets.models import City, ContractType, PartnerCompany, ReferringOrganisation, Sector

STORY_MAX_LENGTH = 1500
CATCHPHRASE_MAX_LENGTH = 200
COHORT_MONTHS = 6


def months_later(day, months):
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, candidate_day)
        except ValueError:
            continue
    raise ValueError(day)


def story_html(text):
    """Plain text from a cell as safe rich text: every tag someone typed is shown as text, never run."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    return "".join(f"<p>{escape(part).replace(chr(10), '<br/>')}</p>" for part in paragraphs)


class CohortWidget(LookupWidget):
    def unknown_message(self, text):
        return _("the cohort « %(value)s » does not exist yet: give its city in the « ville » column to create it") % {
            "value": text
        }


class CohortResource(SpreadsheetResource):
    cohort = fields.Field(
        attribute="cohort", column_name="promotion", widget=CohortWidget(gettext_lazy("cohort"), required=True)
    )
    first_name = fields.Field(
        attribute="first_name", column_name="prenom", widget=NameWidget(required=True, max_length=100)
    )
    last_name = fields.Field(attribute="last_name", column_name="nom", widget=NameWidget(required=True, max_length=100))
    email = fields.Field(attribute="email", column_name="email", widget=EmailWidget(required=True))
    phone = fields.Field(attribute="phone", column_name="telephone", widget=PhoneWidget())
    birth_date = fields.Field(
        attribute="birth_date", column_name="date_naissance", widget=FlexibleDateWidget(past_only=True)
    )
    referring_organisation = fields.Field(
        attribute="referring_organisation", column_name="structure",
        widget=LookupWidget(gettext_lazy("referring organisation")),
    )

    tracked_fields = ("cohort", "first_name", "last_name", "phone", "birth_date", "referring_organisation")
    exclude_from_clean = ("cohort", "referring_organisation", "email")

    class Meta(SpreadsheetResource.Meta):
        model = Candidate
        import_id_fields = ("email",)
        fields = ("cohort", "first_name", "last_name", "email", "phone", "birth_date", "referring_organisation")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.pairs = []  # (candidate, coach)
        self.stories = {}  # id(candidate) -> story data
        self.new_coaches = {}  # e-mail -> unsaved Coach
        self.coach_lines = {}  # coach e-mail -> line that pairs them in this file
        self.email_lines = {}  # candidate e-mail -> first line
        self.created_related = {_("New cohorts"): [], _("New referring organisations"): [],
                                _("New partner companies"): [], _("New coaches"): []}

    # Loading everything the rows refer to, in a handful of queries --------------------------------------

    def before_import(self, dataset, **kwargs):
        rows = [values for _line, values in self.table.rows]
        self.cities = {normalise_header(city.name): city for city in City.objects.all()}
        self.sectors = {}
        for sector in Sector.objects.all():
            self.sectors[normalise_header(sector.label)] = self.sectors[normalise_header(sector.slug)] = sector
        self.contract_types = {}
        for contract_type in ContractType.objects.all():
            for name in (contract_type.label, contract_type.slug):
                self.contract_types[normalise_header(name)] = contract_type
        self.companies = {normalise_header(company.name): company for company in PartnerCompany.objects.all()}

        emails = {EmailWidget().clean_quietly(values.get("email")) for values in rows} - {""}
        # E-mails are compared lower-cased, as the unique constraints do.
        self.existing = {
            candidate.email.lower(): candidate
            for candidate in Candidate.objects.annotate(email_key=Lower("email"))
            .filter(email_key__in=emails)
            .select_related("cohort", "referring_organisation")
        }
        coach_emails = {EmailWidget().clean_quietly(values.get("coach_email")) for values in rows} - {""}
        self.coaches = {
            coach.email.lower(): coach
            for coach in Coach.objects.annotate(email_key=Lower("email")).filter(email_key__in=coach_emails)
        }
        self.active_pairs_by_candidate = {}
        self.active_pairs_by_coach = {}
        for pair in Pair.objects.active().annotate(
            coach_key=Lower("coach__email"), candidate_key=Lower("candidate__email")
        ).filter(Q(coach_key__in=coach_emails) | Q(candidate_key__in=emails)).select_related("coach", "candidate"):
            self.active_pairs_by_candidate[pair.candidate_key] = pair
            self.active_pairs_by_coach[pair.coach_key] = pair

        self.fields["cohort"].widget.choices = self._cohorts(rows)
        self.fields["referring_organisation"].widget.choices = self._organisations(rows)

    def _cohorts(self, rows):
        cohorts = {normalise_header(cohort.name): cohort for cohort in Cohort.objects.select_related("city")}
        today = timezone.localdate()
        for values in rows:
            key = normalise_header(values.get("promotion", ""))
            city = self.cities.get(normalise_header(values.get("ville", "")))
            if key and key not in cohorts and city is not None:
                name = TextWidget().clean(values["promotion"])[:100]
                cohorts[key] = Cohort.objects.create(
                    name=name, city=city, start_date=today, end_date=months_later(today, COHORT_MONTHS)
                )
                self.created_related[_("New cohorts")].append(name)
        return cohorts

    def _organisations(self, rows):
        organisations = {normalise_header(org.name): org for org in ReferringOrganisation.objects.all()}
        for values in rows:
            key = normalise_header(values.get("structure", ""))
            cohort = self.fields["cohort"].widget.lookup(values.get("promotion", "")) if key else None
            if key and key not in organisations and cohort is not None:
                name = TextWidget().clean(values["structure"])[:200]
                organisations[key] = ReferringOrganisation.objects.create(
                    name=name, kind=ReferringOrganisationKind.OTHER, city=cohort.city
                )
                self.created_related[_("New referring organisations")].append(name)
        return organisations

    # Rows -------------------------------------------------------------------------------------------------

    def find_existing(self, row):
        return self.existing.get(EmailWidget().clean_quietly(row.get("email")))

    def row_label(self, values):
        names = (NameWidget().clean(values.get(column, "")) for column in ("prenom", "nom"))
        return " ".join(name for name in names if name)

    def import_extra(self, instance, row, errors, line):
        email = instance.email
        if email and "email" not in errors:
            first_line = self.email_lines.setdefault(email, line)
            if first_line != line:
                add_error(errors, "email", _("this candidate is already on line %(line)s (same e-mail)")
                          % {"line": first_line})
        city_name = row.get("ville", "")
        if city_name and normalise_header(city_name) not in self.cities:
            add_error(errors, "ville", _("« %(value)s » is not a known city (known: %(known)s)")
                      % {"value": city_name, "known": ", ".join(sorted(str(c) for c in self.cities.values()))})
            errors.pop("cohort", None)  # "give its city" would be wrong advice: the city is there, but unknown
        if instance.pk is None:
            self._read_story(instance, row, errors)
        self._read_coach(instance, row, errors, line)

    def _read_story(self, instance, row, errors):
        story = {"sectors": [], "contract_types": [], "catchphrase": "", "story": ""}
        for column, choices, key, label in (
            ("secteurs", self.sectors, "sectors", _("job family")),
            ("contrats", self.contract_types, "contract_types", _("contract type")),
        ):
            for name in split_list(row.get(column, "")):
                found = choices.get(normalise_header(name))
                if found is None:
                    known = ", ".join(sorted({str(choice) for choice in choices.values()}))
                    add_error(errors, column, _("« %(value)s » is not a known %(label)s (known: %(known)s)")
                              % {"value": name, "label": label, "known": known})
                elif found not in story[key]:
                    story[key].append(found)
        catchphrase = TextWidget().clean(row.get("accroche", ""))
        if len(catchphrase) > CATCHPHRASE_MAX_LENGTH:
            add_error(errors, "accroche", _("%(length)s characters, more than the %(limit)s allowed")
                      % {"length": len(catchphrase), "limit": CATCHPHRASE_MAX_LENGTH})
        text = str(row.get("histoire", "") or "").strip()
        if len(text) > STORY_MAX_LENGTH:
            add_error(errors, "histoire", _("%(length)s characters, more than the %(limit)s allowed")
                      % {"length": len(text), "limit": STORY_MAX_LENGTH})
        story["catchphrase"] = catchphrase
        story["story"] = story_html(text)
        self.stories[id(instance)] = story

    def _read_coach(self, instance, row, errors, line):
        instance._import_coach = None
        raw_email = row.get("coach_email", "")
        if not raw_email:
            if any(row.get(column) for column in ("coach_prenom", "coach_nom")):
                add_error(errors, "coach_email", _("the coach's e-mail is needed to pair them"))
            return
        try:
            email = EmailWidget().clean(raw_email)
        except ValueError as error:
            add_error(errors, "coach_email", str(error))
            return
        coach = self.coaches.get(email) or self.new_coaches.get(email)
        if coach is None:
            coach = self._new_coach(email, row, errors)
            if coach is None:
                return
        if email == instance.email:
            add_error(errors, "coach_email", _("a candidate cannot be their own coach"))
            return

        current = self.active_pairs_by_candidate.get(instance.email.lower()) if instance.pk else None
        if current is not None and current.coach.email.lower() == email:
            return  # already paired with this coach: nothing to do
        if current is not None:
            add_error(errors, "coach_email", _(
                "this candidate is already paired with %(coach)s: end that pair in the admin before pairing them again"
            ) % {"coach": current.coach})
            return
        coach_pair = self.active_pairs_by_coach.get(email)
        if coach_pair is not None:
            add_error(errors, "coach_email", _("this coach already accompanies %(candidate)s")
                      % {"candidate": coach_pair.candidate})
            return
        first_line = self.coach_lines.setdefault(email, line)
        if first_line != line:
            add_error(errors, "coach_email", _("this coach is already paired on line %(line)s") % {"line": first_line})
            return
        instance._import_coach = coach

    def _new_coach(self, email, row, errors):
        names = {}
        for column in ("coach_prenom", "coach_nom"):
            try:
                names[column] = NameWidget(required=True, max_length=100).clean(row.get(column, ""))
            except ValueError:
                add_error(errors, column, _("needed to create the coach %(email)s") % {"email": email})
        company = None
        company_name = TextWidget().clean(row.get("coach_entreprise", ""))[:200]
        if company_name:
            company = self.companies.get(normalise_header(company_name))
            if company is None:
                company = self.companies[normalise_header(company_name)] = PartnerCompany.objects.create(
                    name=company_name
                )
                self.created_related[_("New partner companies")].append(company_name)
        if len(names) < 2:
            return None
        coach = Coach(first_name=names["coach_prenom"], last_name=names["coach_nom"], email=email, employer=company)
        self.new_coaches[email] = coach
        self.created_related[_("New coaches")].append(str(coach))
        return coach

    def save_instance(self, instance, is_create, row, **kwargs):
        super().save_instance(instance, is_create, row, **kwargs)
        coach = instance._import_coach
        if coach is not None:
            self.pairs.append((instance, coach))
            if not is_create:
                change = _("Coach: %(coach)s") % {"coach": coach}
                self._changes.append(change)
                if instance not in self.to_update:
                    self.to_update.append(instance)

    # Writing ----------------------------------------------------------------------------------------------

    def write(self):
        total = len(self.table.rows)
        new_coaches = list(self.new_coaches.values())
        Coach.objects.bulk_create(new_coaches, batch_size=500)
        Candidate.objects.bulk_create(self.to_create, batch_size=500)
        self.bulk_update_changed(Candidate, self.to_update)
        today = timezone.localdate()
        Pair.objects.bulk_create(
            [Pair(candidate=candidate, coach=coach, start_date=today) for candidate, coach in self.pairs],
            batch_size=500,
        )
        self.progress(phase="pages", done=0, total=len(self.to_create))
        run_hook(
            AFTER_COHORT_IMPORT,
            stories=[(candidate, self.stories[id(candidate)]) for candidate in self.to_create],
            user=self.user,
            progress=lambda done: self.progress(phase="pages", done=done, total=len(self.to_create)),
            index=not self.dry_run,
        )
        if not self.dry_run:
            self.progress(phase="index", done=total, total=total)
            index_in_bulk(Candidate, self.to_create + self.to_update)
            index_in_bulk(Coach, new_coaches)
