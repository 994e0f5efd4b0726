from django.db import models
from django.utils.translation import gettext_lazy as _


class Availability(models.TextChoices):
    IMMEDIATE = "immediate", _("Available now")
    WITHIN_A_MONTH = "within_a_month", _("Within a month")
    FROM_DATE = "from_date", _("From a given date")


class CounterKind(models.TextChoices):
    VIEW = "view", _("View")
    SHARE = "share", _("Share")
    QR_SCAN = "qr_scan", _("QR code scan")


class ShareChannel(models.TextChoices):
    DIRECT = "direct", _("Direct")
    LINKEDIN = "linkedin", "LinkedIn"
    FACEBOOK = "facebook", "Facebook"
    X = "x", "X"
    WHATSAPP = "whatsapp", "WhatsApp"
    EMAIL = "email", _("E-mail")
    COPY_LINK = "copy_link", _("Copied link")
    NATIVE = "native", _("Phone share menu")
    QR = "qr", _("QR code")
