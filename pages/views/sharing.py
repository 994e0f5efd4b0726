"""Sharing a story, scanning its QR code and printing its CV: counted here, with no third-party script.

A share link on a story points to ``share``, which counts the share and sends the visitor on to the network's
own share page; copying the link and the phone's share menu are told by a POST to ``record_share``. Only a
published story may be shared, and only while its candidate agrees to social sharing; otherwise: 404.
"""

from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from pages.enums import CounterKind, ShareChannel
from pages.models import CandidatePage
from pages.pdf import cv_pdf_bytes
from pages.sharing import BROWSER_CHANNELS, NETWORK_CHANNELS, record_event, share_target_url, shareable_stories


class ShareRedirect(HttpResponseRedirect):
    """A redirect to a network's share page, or to the visitor's mail program for an e-mail share."""

    allowed_schemes = ["https", "mailto"]


def _not_for_robots(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_safe
def share(request, page_id, channel):
    """Count a share of the story through a network, then send the visitor to that network's share page."""
    if channel not in NETWORK_CHANNELS:
        raise Http404
    page = get_object_or_404(shareable_stories().prefetch_related(None), pk=page_id)
    if request.method == "GET":
        record_event(request=request, page_id=page.pk, kind=CounterKind.SHARE, channel=channel)
    target = share_target_url(channel, url=page.get_full_url(request), page=page)
    return _not_for_robots(ShareRedirect(target))


@csrf_exempt
@never_cache
@require_POST
def record_share(request, page_id):
    """Count a share made in the browser: the link copied, or sent through the phone's share menu.

    Without CSRF protection on purpose: the story page that posts here is cached, the same for everyone, so it
    carries no token; a forged post could only add one share, once per visitor and day, like a real one.
    """
    channel = request.POST.get("channel")
    if channel not in BROWSER_CHANNELS:
        return HttpResponseBadRequest()
    if not shareable_stories().filter(pk=page_id).exists():
        raise Http404
    record_event(request=request, page_id=page_id, kind=CounterKind.SHARE, channel=channel)
    return HttpResponse(status=204)


@never_cache
@require_safe
def qr_scan(request, page_id):
    """The short link of a printed CV's QR code: count the scan, then show the story.

    A printed CV outlives its story: once the candidate is hired, the page decides what its address shows (a
    good-news page) and the scan is not counted; once the page is unpublished, the code leads to a 404.
    """
    published = CandidatePage.objects.published_stories().filter(pk=OuterRef("pk"))
    # Not filtered on privacy here: the page it leads to asks for a password itself, if it has one.
    page = get_object_or_404(CandidatePage.objects.live().annotate(countable=Exists(published)), pk=page_id)
    if page.countable and request.method == "GET":
        record_event(request=request, page_id=page.pk, kind=CounterKind.QR_SCAN, channel=ShareChannel.QR)
    return _not_for_robots(HttpResponseRedirect(page.get_full_url(request)))


@require_safe
def cv_pdf(request, page_id):
    """The printable CV of a published story, drawn once per publication and kept in the cache."""
    page = get_object_or_404(CandidatePage.objects.published_stories().prefetch_related(None), pk=page_id)
    response = HttpResponse(cv_pdf_bytes(page=page, request=request), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, f"cv-{page.slug}.pdf")
    # Checked again on every request: a withdrawn consent takes the CV offline at once.
    patch_cache_control(response, no_cache=True)
    return _not_for_robots(response)
