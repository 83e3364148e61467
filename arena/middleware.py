from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware


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
