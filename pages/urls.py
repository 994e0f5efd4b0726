"""Public routes beside Wagtail's page serving: sharing, QR codes, the printable CV, contact and approval."""

from django.urls import path, register_converter

from pages.converters import RowIdConverter
from pages.views.approval import approval
from pages.views.contact import contact
from pages.views.extension import extend_offer
from pages.views.sharing import cv_pdf, qr_scan, record_share, share
from snippets.views import check_offer_text

app_name = "pages"

register_converter(RowIdConverter, "id")

urlpatterns = [
    path("partager/<id:page_id>/<slug:channel>/", share, name="share"),
    path("partage/<id:page_id>/", record_share, name="record_share"),
    path("q/<id:page_id>/", qr_scan, name="qr_scan"),
    path("cv/<id:page_id>.pdf", cv_pdf, name="cv_pdf"),
    path("contact/<id:page_id>/", contact, name="contact"),
    path("validation/<str:token>/", approval, name="approval"),
    path("offres/prolonger/<str:token>/", extend_offer, name="offer_extend"),
    path("offres/verifier/", check_offer_text, name="offer_check"),
]
