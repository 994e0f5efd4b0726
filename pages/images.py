"""The image model: Wagtail's, with a required text alternative."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """Every image carries the text a screen reader says in its place."""

    description = models.CharField(
        _("text alternative"),
        max_length=255,
        help_text=_("Describe the picture for people who cannot see it, e.g. « Amina sourit devant un chantier »."),
    )

    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
