from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import pages as wagtailadmin_pages_urls
from wagtail.admin.urls import workflows as wagtailadmin_workflows_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from cms.health import HealthView
from pages.api.endpoints import api_router
from pages.views.chooser import HookedBrowseView
from pages.views.history import VisibleLogEntriesView
from pages.views.page_access import WORKFLOW_PAGE_ID_KWARGS, only_visible_pages

# Every admin URL that takes a page id answers 404 for a page the user may not read (pages/views/page_access.py).
decorate_urlpatterns(wagtailadmin_pages_urls.urlpatterns, only_visible_pages())
decorate_urlpatterns(wagtailadmin_workflows_urls.urlpatterns, only_visible_pages(WORKFLOW_PAGE_ID_KWARGS))

urlpatterns = [
    path("health/", HealthView.as_view(), name="health"),  # database, cache and storages (cms/health.py)
    # Before Wagtail's own routes of the same address (pages/views/), so outside the admin's include: they take
    # the admin's access check themselves, as every admin URL must (tests/cms/test_admin_url_walk.py).
    path("admin/choose-page/<int:parent_page_id>/", require_admin_access(HookedBrowseView.as_view())),
    path("admin/reports/site-history/", require_admin_access(VisibleLogEntriesView.as_view())),
    path("admin/reports/site-history/results/",
         require_admin_access(VisibleLogEntriesView.as_view(results_only=True))),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("", include("pages.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
