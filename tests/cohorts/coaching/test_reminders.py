"""The daily reminder: the coach of each pair gone quiet for 14 days gets one friendly e-mail a week, no more."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from cohorts.coaching.reminders import inactive_pairs, send_inactivity_reminders
from snippets.models.emails import EmailTemplate
from tests.cohorts.coaching.conftest import days_ago
from tests.cohorts.factories import CoachFactory, CoachingSessionFactory, CohortFactory, PairFactory
from tests.snippets.factories import CityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def remind(django_capture_on_commit_callbacks):
    """Run the reminders, and the e-mails they queue on commit, as the daily command would."""

    def run(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return send_inactivity_reminders(**kwargs)

    return run


def reminded_days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


# (case, pair, last session days ago or None) → reminded?
CASES = {
    "session 13 days ago": ({"start_date": days_ago(60)}, 13, False),
    "session 15 days ago": ({"start_date": days_ago(60)}, 15, True),
    "never met, started 20 days ago": ({"start_date": days_ago(20)}, None, True),
    "never met, started 3 days ago": ({"start_date": days_ago(3)}, None, False),
    "ended pair": ({"start_date": days_ago(60), "end_date": days_ago(2)}, 30, False),
    "reminded 3 days ago": ({"start_date": days_ago(60), "inactivity_reminded_at": reminded_days_ago(3)}, 30, False),
    "reminded 8 days ago": ({"start_date": days_ago(60), "inactivity_reminded_at": reminded_days_ago(8)}, 30, True),
}


def make_pair(name, pair_fields, last_session):
    coach = CoachFactory(first_name=name.replace(" ", "-"), email=f"{name.replace(' ', '-')}@example.org")
    pair = PairFactory(coach=coach, **pair_fields)
    if last_session is not None:
        CoachingSessionFactory(pair=pair, date=days_ago(last_session + 7))
        CoachingSessionFactory(pair=pair, date=days_ago(last_session))
    return pair


@pytest.fixture
def pairs():
    return {name: make_pair(name, fields, last) for name, (fields, last, _reminded) in CASES.items()}


def test_the_command_reminds_exactly_the_coaches_of_inactive_pairs(pairs, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_inactive_coaches", stdout=io.StringIO())

    expected = sorted(pairs[name].coach.email for name, (_f, _l, reminded) in CASES.items() if reminded)
    assert sorted(address for message in mail.outbox for address in message.to) == expected
    assert all(len(message.to) == 1 for message in mail.outbox)


@pytest.mark.parametrize("case", CASES)
def test_each_case(case, remind):
    fields, last, reminded = CASES[case]
    pair = make_pair(case, fields, last)

    assert remind() == int(reminded)

    pair.refresh_from_db()
    assert len(mail.outbox) == int(reminded)
    if reminded:
        assert timezone.now() - pair.inactivity_reminded_at < datetime.timedelta(minutes=1)


def test_running_twice_sends_once(pairs, remind):
    first = remind()
    second = remind()

    assert (first, second) == (3, 0)
    assert len(mail.outbox) == 3


def test_a_coach_is_reminded_again_a_week_later(pairs, remind):
    remind()
    pair = pairs["session 15 days ago"]
    type(pair).objects.filter(pk=pair.pk).update(inactivity_reminded_at=reminded_days_ago(7))

    assert remind() == 1
    assert mail.outbox[-1].to == [pair.coach.email]


def test_a_coach_who_stopped_volunteering_is_not_reminded(remind):
    pair = make_pair("parti", {"start_date": days_ago(60)}, 30)
    pair.coach.active = False
    pair.coach.save()

    assert remind() == 0
    assert list(inactive_pairs()) == [pair]


def test_the_reminder_is_warm_short_and_links_to_the_session_form(remind):
    city = CityFactory(staff_emails="lyon@example.org\nsuivi@example.org")
    pair = PairFactory(
        coach=CoachFactory(first_name="Claire", email="claire@example.org"),
        candidate__first_name="Awa", candidate__cohort=CohortFactory(city=city), start_date=days_ago(60),
    )
    CoachingSessionFactory(pair=pair, date=days_ago(16))

    remind()

    (message,) = mail.outbox
    assert message.to == ["claire@example.org"]
    assert message.reply_to == ["lyon@example.org", "suivi@example.org"]
    assert "Awa" in message.subject
    assert "Hello Claire," in message.body
    assert f"{days_ago(16):%d/%m/%Y}, 16 days ago" in message.body
    assert f"http://testserver/admin/snippets/cohorts/coachingsession/add/?pair={pair.pk}" in message.body
    assert "{{" not in message.body and "{%" not in message.body


def test_a_pair_that_never_met_is_told_so(remind):
    PairFactory(coach=CoachFactory(first_name="Claire"), candidate__first_name="Awa", start_date=days_ago(20))

    remind()

    assert "We have no session with Awa on record yet." in mail.outbox[0].body


def test_staff_can_reword_the_reminder(remind):
    EmailTemplate.objects.create(
        key="coach_inactivity_reminder", subject="Des nouvelles de {{ candidate_first_name }} ?",
        body="Bonjour {{ coach_first_name }}, {{ log_session_url }}",
    )
    PairFactory(coach=CoachFactory(first_name="Claire"), candidate__first_name="Awa", start_date=days_ago(20))

    remind()

    assert mail.outbox[0].subject == "Des nouvelles de Awa ?"
    assert "Bonjour Claire, http://testserver/admin/" in mail.outbox[0].body


def test_dry_run_sends_nothing(pairs, capsys):
    call_command("remind_inactive_coaches", "--dry-run", "--language", "en")

    assert mail.outbox == []
    assert "3 coaches would be reminded to log a session." in capsys.readouterr().out
