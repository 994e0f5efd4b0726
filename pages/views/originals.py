"""The original file of an image, for the staff who may see it: the public never reads an original.

The "images" storage (cms/settings/base.py) is private and its URLs lead here (/admin/images/original/<name>).
An original goes to who holds a permission on the image in Wagtail's sense (to choose, change or delete it), and,
when it is a candidate's photo, who may read that candidate (cohorts/perms.py): a coach holds no image permission,
so reads no original; communication and programme admins read them.
"""

import mimetypes

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from wagtail.permissions import policy_registry

from cohorts.models import Candidate
from cohorts.perms import visible_candidates
from pages.models import CandidatePage, CustomImage

IMAGE_ACTIONS = ["choose", "change", "delete"]


def may_see_original(user, image):
    policy = policy_registry.get_by_type(CustomImage)
    if not policy.user_has_any_permission_for_instance(user, IMAGE_ACTIONS, image):
        return False
    owners = Candidate.objects.filter(story_page__in=CandidatePage.objects.filter(photo=image))
    return visible_candidates(user, owners).count() == owners.count()


def original_image(request, name):
    image = get_object_or_404(CustomImage, file=name)
    # A 404 rather than a 403: who may not see an original is not told that it exists.
    if not may_see_original(request.user, image):
        raise Http404
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(image.file.open("rb"), content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
