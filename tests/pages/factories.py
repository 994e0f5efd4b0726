"""Factories for the public site: images and the story list page that holds the stories."""

import factory
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from pages.models import CandidateIndexPage, CustomImage, HomePage


class ImageFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Photo {n}")
    description = "Portrait souriant"
    file = factory.LazyFunction(get_test_image_file)

    class Meta:
        model = CustomImage


def story_parent():
    """The story list page, created under the home page when a test has not made one."""
    index = CandidateIndexPage.objects.first()
    if index:
        return index
    home = HomePage.objects.first()
    if home is None:
        home = Page.get_first_root_node().add_child(instance=HomePage(title="Accueil", hero_title="Tremplin"))
    return home.add_child(instance=CandidateIndexPage(title="Les candidats", slug="candidats"))
