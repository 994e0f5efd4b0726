"""The signed link that lets a candidate approve their story without an account.

The token names one task state of the "Relecture du récit" workflow and the revision it shows, signed with the
site's secret key under a salt of its own (a token made for anything else never passes here) and timestamped:
it expires after ``settings.APPROVAL_LINK_MAX_AGE`` days. A token is single-use by nature: once the candidate
has answered, the task state is no longer in progress and the link only says so.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

SALT = "tremplin.pages.candidate-approval"


class InvalidApprovalLink(Exception):
    """The link was altered or was never made by us."""


class ExpiredApprovalLink(InvalidApprovalLink):
    """The link was genuine, but is older than ``APPROVAL_LINK_MAX_AGE`` days."""


def max_age():
    return datetime.timedelta(days=settings.APPROVAL_LINK_MAX_AGE)


def make_token(task_state):
    """The token for the candidate's decision on ``task_state`` (and the revision it was started on)."""
    return signing.dumps({"task_state": task_state.pk, "revision": task_state.revision_id}, salt=SALT, compress=True)


def read_token(token):
    """Return (task_state_id, revision_id) from a token, or raise ``InvalidApprovalLink``/``ExpiredApprovalLink``."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=max_age())
    except signing.SignatureExpired as error:
        raise ExpiredApprovalLink from error
    except signing.BadSignature as error:
        raise InvalidApprovalLink from error
    try:
        return int(payload["task_state"]), int(payload["revision"])
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidApprovalLink from error


def approval_url(task_state):
    """The absolute link e-mailed to the candidate."""
    path = reverse("pages:approval", kwargs={"token": make_token(task_state)})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def expires_on(start=None):
    """The last day the link works, for the e-mail."""
    return timezone.localdate(start or timezone.now()) + max_age()
