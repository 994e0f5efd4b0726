"""Public routes beside Wagtail's page serving: sharing, QR codes, the printable CV, contact and approval."""

from django.urls import path

from snippets import inclusive_views

from . import approval_views, contact_views, extension_views, sharing_views

app_name = "pages"

urlpatterns = [
    path("partager/<int:page_id>/<slug:channel>/", sharing_views.share, name="share"),
    path("partage/<int:page_id>/", sharing_views.record_share, name="record_share"),
    path("q/<int:page_id>/", sharing_views.qr_scan, name="qr_scan"),
    path("cv/<int:page_id>.pdf", sharing_views.cv_pdf, name="cv_pdf"),
    path("contact/<int:page_id>/", contact_views.contact, name="contact"),
    path("validation/<str:token>/", approval_views.approval, name="approval"),
    path("offres/prolonger/<str:token>/", extension_views.extend_offer, name="offer_extend"),
    path("offres/verifier/", inclusive_views.check_offer_text, name="offer_check"),
]
