"""What every part of the demo shares: the summary of a run, and the records already found or made.

Every record is looked up by its natural key and created only when missing; nothing that already exists is
changed. ``make run`` loads the demo before every start, so this keeps what a person changed while trying
the admin, and a second run writes nothing at all.
"""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class DemoSummary:
    """What a run created, per model, and the accounts to log in with."""

    created: Counter = field(default_factory=Counter)
    logins: list = field(default_factory=list)

    def count(self, instance):
        self.created[type(instance)] += 1


class Builder:
    """The records of one run, by natural key, so that each part finds what an earlier part made or found."""

    def __init__(self, summary):
        self.summary = summary
        self.cities = {}
        self.sectors = {}
        self.organisations = {}
        self.companies = {}
        self.cohorts = {}
        self.candidates = {}
        self.coaches = {}
        self.pages_by_slug = {}
        self.story_index = None

    def ensure(self, model, lookup, **values):
        """The first row matching ``lookup``, or a new one made of ``values`` (which hold the natural key).

        Unlike ``get_or_create``, a duplicate that someone made in the admin (the snippet "copy" action)
        does not stop the demo from loading.
        """
        instance = model._default_manager.filter(**lookup).order_by("pk").first()
        if instance is None:
            instance = model._default_manager.create(**values)
            self.summary.count(instance)
        return instance
