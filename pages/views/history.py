"""The site history report, each row kept to what the user may read.

Wagtail lists a model's log entries to anyone who holds any permission on the model: a coach, who reads one
candidate, read in it the name of every candidate ever created, consented or edited. Here a model's entries go
through the visibility rule its admin screen declares (snippets.viewsets.VISIBILITY_RULES), and pages' entries
through the page chooser's hooks, the same rules as every other admin screen.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import ModelLogEntry, PageLogEntry

from pages.views.page_access import visible_pages
from snippets.viewsets import VISIBILITY_RULES


class VisibleLogEntriesView(LogEntriesView):
    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.request.user.is_superuser:
            return queryset
        if queryset.model is PageLogEntry:
            return queryset.filter(page__in=visible_pages(self.request).values("pk"))
        if queryset.model is ModelLogEntry:
            for model, rule in VISIBILITY_RULES.items():
                visible_ids = rule(self.request.user, model._default_manager.all()).values_list(
                    Cast("pk", output_field=CharField()), flat=True
                )
                content_type = ContentType.objects.get_for_model(model)
                queryset = queryset.filter(~Q(content_type=content_type) | Q(object_id__in=visible_ids))
        return queryset
