"""The printable CV of a published story: an A4 PDF with the photo (if consented) and a QR code to the story.

WeasyPrint draws it from pages/cv_pdf.html. A PDF takes a good fraction of a second to draw, so each one is
kept in the cache under a key that changes whenever what it shows may change (a new publication, the photo
consent, the language): a visitor never gets an outdated CV, and an unchanged one is drawn once.
"""

import base64

import segno
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.translation import get_language

from pages.blocks import ExperienceBlock, TestimonialBlock
from pages.sharing import qr_scan_url

CACHE_TIMEOUT = 60 * 60 * 24
PHOTO_RENDITION = "fill-480x480-c80|format-jpeg"


def cv_cache_key(page):
    """Changes with each publication, with the photo and its consent, and with the language of the CV."""
    photo = page.public_photo
    published = page.last_published_at.timestamp() if page.last_published_at else 0
    return f"story-cv:{page.pk}:{page.live_revision_id}:{published}:{photo.pk if photo else 0}:{get_language()}"


def cv_pdf_bytes(*, page, request):
    """The CV of a published story as PDF bytes: from the cache, or drawn now and kept until the page changes.

    The caller has checked that the story is published (``CandidatePage.objects.published_stories()``).
    """
    key = cv_cache_key(page)
    pdf = cache.get(key)
    if pdf is None:
        pdf = write_pdf(render_cv_html(page=page, request=request))
        cache.set(key, pdf, CACHE_TIMEOUT)
    return pdf


def _image_data_uri(image):
    """The photo's print rendition inlined in the HTML: WeasyPrint then fetches nothing, not even a file."""
    rendition = image.get_rendition(PHOTO_RENDITION)
    with rendition.file.open("rb") as photo_file:
        data = base64.b64encode(photo_file.read()).decode("ascii")
    return {"src": f"data:image/jpeg;base64,{data}", "alt": image.description or image.default_alt_text}


def _choice_labels(choices):
    return {value: str(label) for value, label in choices}


def render_cv_html(*, page, request):
    """The CV's HTML: only public fields of the page, never the candidate's private record."""
    page_url = page.get_full_url(request)
    scan_url = qr_scan_url(page, page_url=page_url)
    photo = page.public_photo
    kinds = _choice_labels(ExperienceBlock.KINDS)
    relations = _choice_labels(TestimonialBlock.RELATIONS)
    context = {
        "page": page,
        "photo": _image_data_uri(photo) if photo else None,
        "qr_code": segno.make(scan_url, error="m").svg_data_uri(scale=4, border=0, dark="#2a211b"),
        "scan_url": scan_url,
        "skills": [block.value for block in page.skills],
        "strengths": [block.value for block in page.strengths],
        "sectors": [sector.label for sector in page.sectors.all()],
        "contract_types": [contract_type.label for contract_type in page.contract_types.all()],
        "cities": [str(city) for city in page.cities.all()],
        "experiences": [
            {**block.value, "kind_label": kinds.get(block.value["kind"], "")} for block in page.experiences
        ],
        "testimonials": [
            {**block.value, "relation_label": relations.get(block.value["relation"], "")}
            for block in page.testimonials
        ],
    }
    return render_to_string("pages/cv_pdf.html", context, request=request)


def write_pdf(html):
    """Draw the PDF. Only ``data:`` URIs may be fetched, so no remote (or local) resource is ever read."""
    # Imported here: WeasyPrint loads Pango when imported, which only this rarely used view needs.
    from weasyprint import HTML, URLFetcher

    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()
