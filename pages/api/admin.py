"""The admin API's images and documents endpoints, limited to what the user may choose or change.

Wagtail's own endpoints (/admin/api/main/images/ and /documents/) answer every admin user with every image and
document, candidates' photos and their download URLs included: a coach, who holds no image permission, read them
all. These answer only the rows the image or document permission policy grants the user.
"""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry

READING_ACTIONS = ["add", "change", "delete", "choose"]


class PermittedMixin:
    def get_queryset(self):
        queryset = super().get_queryset()
        policy = policy_registry.get_by_type(queryset.model)
        permitted = policy.instances_user_has_any_permission_for(self.request.user, READING_ACTIONS)
        return queryset.filter(pk__in=permitted.values("pk"))


class PermittedImagesAdminAPIViewSet(PermittedMixin, ImagesAdminAPIViewSet):
    pass


class PermittedDocumentsAdminAPIViewSet(PermittedMixin, DocumentsAdminAPIViewSet):
    pass
