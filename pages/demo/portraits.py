"""Placeholder portraits for the demo stories: the first name's initial on a soft colour, drawn with Pillow."""

import io
import unicodedata

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image, ImageColor, ImageDraw, ImageFont

from pages.models import CustomImage

PORTRAIT_SIZE = 800


def portrait(builder, candidate, *, background, ink):
    """The candidate's placeholder portrait, made once per candidate and found again by its title."""
    title = f"Illustration — {candidate.public_name}"
    image = CustomImage.objects.filter(title=title).order_by("pk").first()
    if image is not None:
        return image
    image = CustomImage(
        title=title,
        description=f"Illustration avec l'initiale de {candidate.first_name}",
        file=ImageFile(
            _portrait_png(candidate.first_name[:1].upper(), background, ink),
            name=f"illustration-{slugify(candidate.first_name)}.png",
        ),
    )
    image._set_image_file_metadata()
    image.save()
    builder.summary.count(image)
    return image


def _portrait_png(letter, background, ink):
    # Pillow's built-in font has no accented capitals: draw "E" for "Élodie" rather than a missing glyph.
    letter = unicodedata.normalize("NFKD", letter)[:1]
    image = Image.new("RGB", (PORTRAIT_SIZE, PORTRAIT_SIZE), background)
    draw = ImageDraw.Draw(image)
    centre = PORTRAIT_SIZE // 2
    radius = PORTRAIT_SIZE * 3 // 8
    # The circle is the background lightened towards white, so the picture stays soft.
    circle = tuple(round(channel + (255 - channel) * 0.6) for channel in ImageColor.getrgb(background))
    draw.ellipse((centre - radius, centre - radius, centre + radius, centre + radius), fill=circle)
    draw.text((centre, centre), letter, fill=ink, font=ImageFont.load_default(size=PORTRAIT_SIZE * 2 // 5), anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    return buffer
