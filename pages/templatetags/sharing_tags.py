"""Template tags for sharing a story: preview tags, share links, and the counters staff and visitors see."""

import html
from urllib.parse import urljoin

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext

from pages import sharing
from pages.enums import ShareChannel
from pages.social import DEFAULT_SOCIAL_IMAGE, DEFAULT_SOCIAL_IMAGE_SIZE, DESCRIPTION_LENGTH
from snippets.models.settings import ProgrammeSettings

register = template.Library()

SOCIAL_IMAGE_RENDITION = "fill-1200x630-c60|format-jpeg"


def _story_excerpt(page):
    """The story as plain text (tags removed, entities decoded: the template escapes it once), cut short."""
    text = " ".join(html.unescape(strip_tags(page.story)).split())
    return Truncator(text).chars(DESCRIPTION_LENGTH)


@register.inclusion_tag("components/social_meta.html", takes_context=True)
def social_meta(context, page):
    """Open Graph and Twitter card tags that make a shared story look right, from its public fields only.

    The image is a 1200x630 rendition of the photo while the candidate consents to showing it, else the
    programme's default share image. Every address is absolute, as the networks' previewers need.
    """
    request = context["request"]
    programme = ProgrammeSettings.for_request(request)
    # Every address on the site's own host, as og:url: an image already on a CDN keeps its own.
    page_url = page.get_full_url(request)
    photo = page.public_photo
    if photo is not None:
        rendition = photo.get_rendition(SOCIAL_IMAGE_RENDITION)
        image = {
            "url": urljoin(page_url, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": photo.description or photo.default_alt_text,
            "type": "image/jpeg",
        }
    else:
        width, height = DEFAULT_SOCIAL_IMAGE_SIZE
        image = {
            "url": urljoin(page_url, static(DEFAULT_SOCIAL_IMAGE)),
            "width": width,
            "height": height,
            "alt": programme.tagline or programme.programme_name,
            "type": "image/png",
        }
    title = f"{page.title} · {page.catchphrase}" if page.catchphrase else f"{page.title} · {programme.programme_name}"
    description = _story_excerpt(page) or page.catchphrase or programme.tagline
    return {
        "title": title,
        "description": description,
        "url": page_url,
        "site_name": programme.programme_name,
        "image": image,
    }


def _network_label(channel):
    if channel == ShareChannel.EMAIL:
        return gettext("Send by e-mail")
    return gettext("Share on %(network)s") % {"network": channel.label}


@register.inclusion_tag("components/share_links.html", takes_context=True)
def share_links(context, page):
    """The share buttons of a story (only with the candidate's consent to social sharing) and its printable CV.

    Each network button goes through our counting redirect; copying the link and the phone's share menu need
    JavaScript and stay hidden without it.
    """
    request = context["request"]
    allowed = sharing.sharing_allowed(page)
    networks = []
    if allowed:
        networks = [
            {
                "channel": channel.value,
                "label": _network_label(channel),
                "url": reverse("pages:share", args=[page.pk, channel.value]),
            }
            for channel in sharing.NETWORK_CHANNELS
        ]
    return {
        "page": page,
        "sharing_allowed": allowed,
        "networks": networks,
        "page_url": page.get_full_url(request) if allowed else "",
        "share_text": sharing.story_share_text(page) if allowed else "",
        "record_url": reverse("pages:record_share", args=[page.pk]),
        "cv_url": reverse("pages:cv_pdf", args=[page.pk]),
    }


@register.simple_tag
def total_shares():
    """Every share of every story since the start (one query): ``{% total_shares as shares %}``."""
    return sharing.total_shares()


@register.simple_tag
def story_totals(page):
    """Views, shares (with their channels) and QR scans of one story (one query), for the admin."""
    return sharing.story_totals(page.pk)
