"""Site-wide texts and contacts that staff change without a developer."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class ProgrammeSettings(BaseSiteSetting):
    """The programme's name, tagline, contact and footer, shown on every public page and e-mail."""

    programme_name = models.CharField(_("programme name"), max_length=100, default="Tremplin")
    tagline = models.CharField(
        _("tagline"), max_length=200, blank=True,
        default="Un réseau professionnel pour celles et ceux qui n'en ont pas.",
    )
    contact_email = models.EmailField(_("public contact e-mail"), blank=True)
    footer_text = models.TextField(
        _("footer text"), blank=True,
        default="Tremplin est un programme d'insertion professionnelle porté par une association loi 1901.",
    )
    linkedin_url = models.URLField(_("LinkedIn page"), blank=True)
    instagram_url = models.URLField(_("Instagram page"), blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("programme_name"), FieldPanel("tagline")], heading=_("Identity")),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("footer_text"), FieldPanel("linkedin_url"),
             FieldPanel("instagram_url")],
            heading=_("Footer"),
        ),
    ]

    class Meta:
        verbose_name = _("programme settings")
