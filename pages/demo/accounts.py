"""The demo's accounts: a superuser, a communications officer and a coach who follows one candidate."""

from django.contrib.auth.models import Group, User

from cohorts.models import Coach
from pages.demo.loader import read
from snippets import roles


def build_accounts(builder, *, password):
    """Create the missing accounts and list them in the summary, to be printed with the password."""
    accounts = read("site")["accounts"]
    admin = _user(builder, password=password, superuser=True, **accounts["admin"])
    communication = _user(builder, password=password, groups=[roles.COMMUNICATION], **accounts["communication"])

    coach = builder.coaches[accounts["coach"]["coach_email"]]
    coach_user = _user(
        builder,
        password=password,
        username=accounts["coach"]["username"],
        email=coach.email,
        first_name=coach.first_name,
        last_name=coach.last_name,
        groups=[roles.COACHES],
    )
    if coach.user_id is None and not Coach.objects.filter(user=coach_user).exists():
        coach.user = coach_user
        coach.save(update_fields=["user"])

    builder.summary.logins = [
        (admin.username, "superuser"),
        (communication.username, roles.COMMUNICATION),
        (coach_user.username, f"{roles.COACHES} ({coach})"),
    ]


def _user(builder, *, username, password, superuser=False, groups=(), **fields):
    """The account with this username; a new one gets the demo password and its groups."""
    user = User.objects.filter(username=username).first()
    if user is not None:
        return user
    if superuser:
        user = User.objects.create_superuser(username=username, password=password, **fields)
    else:
        user = User.objects.create_user(username=username, password=password, **fields)
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    builder.summary.count(user)
    return user
