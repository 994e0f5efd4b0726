"""Serializer fields for the stories API: plain public values, and the photo only while the candidate consents.

They sit apart from pages/api.py because CandidatePage.api_fields names them and pages/api.py imports the models.
"""

from rest_framework.fields import Field
from wagtail.images.api.fields import ImageRenditionField

from cohorts.enums import CandidateStatus

# The square card and the 1200x630 image that link previews (Open Graph, Twitter cards) expect.
STORY_PHOTO_RENDITIONS = {"card": "fill-480x480-c80", "share": "fill-1200x630-c60"}


class ReadOnlyField(Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value


class PublicPhotoField(ReadOnlyField):
    """The photo as renditions, or null while the candidate does not consent to showing it.

    It reads ``page.public_photo``, never ``page.photo``: the consent check lives in one place.
    """

    def get_attribute(self, page):
        return page.public_photo

    def to_representation(self, image):
        return {
            name: ImageRenditionField(filter_spec).to_representation(image)
            for name, filter_spec in STORY_PHOTO_RENDITIONS.items()
        }


class RelatedValuesField(ReadOnlyField):
    """A many-to-many relation as a list of chosen public attributes (``sectors`` -> label and slug)."""

    def __init__(self, *attributes, **kwargs):
        self.attributes = attributes
        super().__init__(**kwargs)

    def to_representation(self, manager):
        return [{name: getattr(item, name) for name in self.attributes} for item in manager.all()]


class BlockValuesField(ReadOnlyField):
    """A StreamField as the list of its values, without block ids and types.

    ``labels`` maps a struct child holding a choice to the choices' labels, to add ``<child>_label``.
    """

    def __init__(self, labels=None, **kwargs):
        self.labels = labels or {}
        super().__init__(**kwargs)

    def to_representation(self, stream):
        values = []
        for child in stream:
            value = child.block.get_api_representation(child.value, self.context)
            if isinstance(value, dict):
                for name, choices in self.labels.items():
                    value[f"{name}_label"] = str(dict(choices).get(value.get(name), ""))
            values.append(value)
        return values


class ChoiceLabelField(ReadOnlyField):
    """The translated label of a choice field (``availability`` -> "Available now")."""

    def __init__(self, field_name, **kwargs):
        self.choice_field_name = field_name
        super().__init__(**kwargs)

    def get_attribute(self, page):
        return str(getattr(page, f"get_{self.choice_field_name}_display")())


class FoundJobField(ReadOnlyField):
    """Whether the candidate was hired and chose to keep their story visible, as the story page says."""

    def get_attribute(self, page):
        found_job = getattr(page, "found_job", None)
        if found_job is None:
            found_job = page.candidate.status == CandidateStatus.HIRED
        return bool(found_job)
