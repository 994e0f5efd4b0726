"""The Content-Security-Policy header: a strict policy for the public site, a wider one for the Wagtail admin.

Django 5.2 has no CSP of its own (6.0 brings one), and we need no nonce: the public site has no inline script or
style, and the admin's inline code is Wagtail's. Two fixed policies chosen by path fit in this one middleware,
read from CSP_POLICY, CSP_ADMIN_POLICY and CSP_ADMIN_PATH_PREFIXES (cms/settings/base.py).
"""

from django.conf import settings


def build_policy(directives):
    """The header value of a policy given as {directive: [sources]}, in the settings' order."""
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


class ContentSecurityPolicyMiddleware:
    """Add the Content-Security-Policy header to every response that has none of its own.

    A view or Wagtail's page preview (which passes the previewed page through the middleware at the page's own
    address) may have set one already: it is kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.public_policy = build_policy(settings.CSP_POLICY)
        self.admin_policy = build_policy(settings.CSP_ADMIN_POLICY)
        self.admin_prefixes = tuple(settings.CSP_ADMIN_PATH_PREFIXES)

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" in response or self.is_debug_error_page(response):
            return response
        response["Content-Security-Policy"] = self.policy_for(request.path_info)
        return response

    @staticmethod
    def is_debug_error_page(response):
        """With DEBUG on (development), Django's own 404 and 500 pages, whose styles and scripts are inline."""
        return settings.DEBUG and response.status_code in {404, 500}

    def policy_for(self, path):
        return self.admin_policy if path.startswith(self.admin_prefixes) else self.public_policy
