"""Views, shares and QR scans of each story, counted on our own server: no tracker, no IP address stored."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pages.enums import CounterKind, ShareChannel


class StoryCounter(models.Model):
    """One day's count of one kind of event (view, share, QR scan) through one channel, for one story.

    When a candidate's data is erased their story goes, but its counts stay in the impact figures: the counter is
    detached from the page and kept under the story's cohort (pages/gdpr.py).
    """

    page = models.ForeignKey(
        "pages.CandidatePage", verbose_name=_("story page"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="counters",
    )
    cohort = models.ForeignKey(
        "cohorts.Cohort", verbose_name=_("cohort of an erased story"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=CounterKind.choices)
    channel = models.CharField(_("channel"), max_length=20, choices=ShareChannel.choices)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("story counter")
        verbose_name_plural = _("story counters")
        constraints = [
            models.UniqueConstraint(fields=["page", "kind", "channel", "day"], name="one_counter_per_page_kind_day"),
            models.CheckConstraint(
                condition=Q(page__isnull=False, cohort__isnull=True) | Q(page__isnull=True, cohort__isnull=False),
                name="counter_of_a_story_or_of_an_erased_story_cohort",
                violation_error_message=_("A counter belongs to a story page, or to the cohort of an erased story."),
            ),
        ]

    def __str__(self):
        return f"{self.page or self.cohort} {self.kind}/{self.channel} {self.day}: {self.count}"


class CounterBatch(models.Model):
    """A batch of counts moved from Redis to the counters: written in the same transaction, so moved only once."""

    batch_id = models.CharField(_("batch"), max_length=32, unique=True)
    moved_at = models.DateTimeField(_("moved at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("batch of story counts")
        verbose_name_plural = _("batches of story counts")

    def __str__(self):
        return self.batch_id
