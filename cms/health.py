"""/health/: whether this process reaches its database, its cache and its file storages.

For a load balancer, a container's health check or an uptime probe: 200 when every check passes, 500 otherwise.
"""

from django.http import HttpResponse, JsonResponse
from health_check.views import HealthCheckView


class HealthView(HealthCheckView):
    """django-health-check's view, telling only "OK" or "unavailable" for each check.

    The address is public, and an error's text may name a host, a port or a bucket: it goes to the logs only
    (the ``health_check`` logger). No session, no cookie, no page: plain text, or JSON when asked for.
    """

    checks = (
        "health_check.checks.Database",
        "health_check.checks.Cache",
        # Each writes, reads and deletes a small file: the public media, and the private bucket's two prefixes.
        ("health_check.checks.Storage", {"alias": "default"}),
        ("health_check.checks.Storage", {"alias": "images"}),
        ("health_check.checks.Storage", {"alias": "imports"}),
    )

    def _statuses(self):
        return {repr(result.check): "unavailable" if result.error else "OK" for result in self.results}

    def _status_code(self):
        return 500 if any(result.error for result in self.results) else 200

    def render_to_response_text(self, status):
        lines = "".join(f"{check}: {state}\n" for check, state in self._statuses().items())
        return HttpResponse(lines, content_type="text/plain; charset=utf-8", status=status)

    def render_to_response_json(self, status):
        return JsonResponse(self._statuses(), status=status)

    def render_to_response(self, context, **response_kwargs):
        # The library's HTML page lists timings and errors, with an inline style our CSP refuses: plain text instead.
        return self.render_to_response_text(self._status_code())

    # Feeds and OpenMetrics answer 200 even when a check fails, which would hide an outage from a probe.
    def render_to_response_atom(self):
        return self.render_to_response_text(self._status_code())

    render_to_response_rss = render_to_response_atom
    render_to_response_openmetrics = render_to_response_atom
