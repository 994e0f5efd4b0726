"""Who may download a document: anyone for the public collection (settings.PUBLIC_DOCUMENTS_COLLECTION and its
sub-collections), otherwise only staff who hold a permission on the document (Wagtail's collection permissions)."""

from django.conf import settings
from wagtail.models import Collection
from wagtail.permissions import policy_registry

DOCUMENT_ACTIONS = ["choose", "change", "delete"]


def in_public_collection(document):
    public = Collection.objects.filter(name=settings.PUBLIC_DOCUMENTS_COLLECTION).first()
    return public is not None and (document.collection_id == public.pk or document.collection.is_descendant_of(public))


def may_download(user, document):
    if in_public_collection(document):
        return True
    policy = policy_registry.get_by_type(type(document))
    return policy.user_has_any_permission_for_instance(user, DOCUMENT_ACTIONS, document)
