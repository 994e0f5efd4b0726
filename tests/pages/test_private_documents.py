"""Documents are for staff, but for the public collection: a candidate's CV uploaded as a document is no one's
download by its URL."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from tests.streaming import close_file

pytestmark = pytest.mark.django_db


def document(collection=None, title="CV de Zoé Marchetti"):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 secret", name="cv.pdf"),
        collection=collection or Collection.get_first_root_node(),
    )


def test_the_public_collection_exists_after_the_migrations(settings):
    assert Collection.objects.filter(name=settings.PUBLIC_DOCUMENTS_COLLECTION, depth=2).count() == 1


@pytest.mark.ignore_template_errors  # the 404 page shows Wagtail's user bar to an admin user
@pytest.mark.parametrize("client_fixture", ["client", "plain_client", "coach_client"])
def test_a_private_document_is_not_served_to_who_holds_no_permission_on_it(request, client_fixture):
    response = request.getfixturevalue(client_fixture).get(document().url)

    assert response.status_code == 404


@pytest.mark.parametrize("client_fixture", ["programme_admin_client", "communication_client", "admin_client"])
def test_staff_with_a_document_permission_download_it(request, client_fixture):
    response = request.getfixturevalue(client_fixture).get(document().url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 secret"
    close_file(response)


def test_anyone_downloads_a_document_of_the_public_collection_and_its_sub_collections(client, settings):
    public = Collection.objects.get(name=settings.PUBLIC_DOCUMENTS_COLLECTION)
    brochures = public.add_child(instance=Collection(name="Plaquettes"))

    for collection in (public, brochures):
        response = client.get(document(collection, title="Plaquette").url)
        assert response.status_code == 200
        close_file(response)
