"""Views, shares and QR scans of each story, counted on our own server: no tracker, no IP address stored."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from pages.enums import CounterKind, ShareChannel


class StoryCounter(models.Model):
    """One day's count of one kind of event (view, share, QR scan) through one channel, for one story."""

    page = models.ForeignKey(
        "pages.CandidatePage", verbose_name=_("story page"), on_delete=models.CASCADE, related_name="counters"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=CounterKind.choices)
    channel = models.CharField(_("channel"), max_length=20, choices=ShareChannel.choices)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("story counter")
        verbose_name_plural = _("story counters")
        constraints = [
            models.UniqueConstraint(fields=["page", "kind", "channel", "day"], name="one_counter_per_page_kind_day")
        ]

    def __str__(self):
        return f"{self.page} {self.kind}/{self.channel} {self.day}: {self.count}"
