from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.views.defaults import bad_request


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with one exception for the editors' admin.

    Wagtail's admin still runs some inline scripts (page listings, the page editor), so under
    /admin/ scripts may also be inline. Every public page keeps the strict policy.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith("/admin/"):
            parts.update = {**(parts.update or {}), "script-src": [UNSAFE_INLINE]}
        return parts


class RejectNullCharactersMiddleware:
    """Answers 400 to a query string with a NUL character in it, before any view reads it.

    No address a person follows holds one, and PostgreSQL refuses every string that does: a view
    that filters on a query parameter (a tag, a search) would otherwise fail with a server error.
    Forms need no such guard: Django's form fields reject NUL characters with a Swedish message.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in key or "\x00" in value for key, values in request.GET.lists() for value in values):
            return bad_request(request, exception=None)
        return self.get_response(request)
