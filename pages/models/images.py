"""The image model: Wagtail's, with a required text alternative and a private original."""

import os
import uuid

from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image, WagtailImageField, get_upload_to


def image_storage():
    """The private storage of originals, looked up at run time so that tests and settings can point it elsewhere."""
    return storages["images"]


class CustomImage(AbstractImage):
    """Every image carries the text a screen reader says in its place.

    The original file is private (the "images" storage): a candidate's photo reaches the public only as a
    rendition, made for a consented, published story, under a random name, and deleted when the consent to it or
    to publication is withdrawn (pages/services.py).
    """

    file = WagtailImageField(
        verbose_name=_("file"), upload_to=get_upload_to, width_field="width", height_field="height",
        storage=image_storage,
    )
    description = models.CharField(
        _("text alternative"),
        max_length=255,
        help_text=_("Describe the picture for people who cannot see it, e.g. « Amina sourit devant un chantier »."),
    )

    admin_form_fields = Image.admin_form_fields

    def get_upload_to(self, filename):
        # Renditions and public URLs reuse the stored name: "amina-diallo.jpg" would publish a last name.
        extension = os.path.splitext(filename)[1].lower()[:10]
        return super().get_upload_to(f"{uuid.uuid4().hex}{extension}")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
