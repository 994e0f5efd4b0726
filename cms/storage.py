"""Object storage (S3-compatible) for media, when AWS_STORAGE_BUCKET_NAME is set (cms/settings/base.py)."""

from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class MediaS3Storage(S3Storage):
    """The public media: renditions and avatars are read by anyone with their address, documents are not.

    Every document lands here too (Wagtail's own model), a candidate's CV or a signed consent among them: Wagtail
    streams them after its checks (WAGTAILDOCS_SERVE_METHOD, pages/wagtail_hooks.py), so in the bucket they stay
    private, without the public ACL of the rest. With ACLs off (AWS_MEDIA_ACL empty), the bucket's policy must
    likewise open media/images/ and media/avatar_images/ only.
    """

    private_prefixes = ("documents/",)

    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        relative = name.removeprefix(f"{self.location}/") if self.location else name
        if self.default_acl and relative.startswith(self.private_prefixes):
            params["ACL"] = "private"
        return params


class PrivateS3Storage(S3Storage):
    """A private bucket or prefix nobody reads directly: no public ACL and no signed URL.

    A file reaches a browser only through a view of ours that checks who asks (``base_url``, as for
    FileSystemStorage: the originals' admin view, pages/views/originals.py), or never (no ``base_url``: imports).
    """

    default_acl = None
    querystring_auth = False

    def __init__(self, *, base_url=None, **options):
        self.base_url = base_url
        super().__init__(**options)

    def url(self, name, parameters=None, expire=None, http_method=None):
        if self.base_url is None:
            raise ValueError("This file is private: it has no address.")
        return self.base_url + filepath_to_uri(name).lstrip("/")
