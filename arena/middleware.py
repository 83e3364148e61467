from functools import partial
from http import HTTPStatus

from csp.constants import HEADER, HEADER_REPORT_ONLY, UNSAFE_INLINE
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.contrib.messages import middleware as messages_middleware
from django.contrib.messages.storage import default_storage
from django.core.signals import setting_changed
from django.utils.functional import SimpleLazyObject, empty

# What django-csp's view decorators (@csp, @csp_update, @csp_replace and their report-only forms)
# leave on a response: such a response gets a policy built for it.
VIEW_POLICY_ATTRIBUTES = frozenset(
    {"_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro"}
)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with one exception for the editors' admin, and the policy built once.

    Wagtail's admin still runs some inline scripts (page listings, the page editor), so under
    /admin/ scripts may also be inline. Every public page keeps the strict policy.

    django-csp builds the header from the settings for every response (a quarter of the CPU of the
    site's cheapest answer). Without a nonce and without a view's own policy the header is the same
    for every public page and for every admin page, so each is built by django-csp once per process
    and reused; any other response is left to django-csp.
    """

    def __init__(self, get_response):
        super().__init__(get_response)
        # Per kind of page (admin or not): (header, value, exempting attribute, excluded path prefixes).
        self._built = {}
        setting_changed.connect(self._forget_built)

    def _forget_built(self, setting, **kwargs):
        if setting.startswith("CONTENT_SECURITY_POLICY"):
            self._built.clear()

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith("/admin/"):
            parts.update = {**(parts.update or {}), "script-src": [UNSAFE_INLINE]}
        return parts

    def process_response(self, request, response):
        if (
            getattr(request, "_csp_nonce", None) is not None
            or not VIEW_POLICY_ATTRIBUTES.isdisjoint(vars(response))
            or (response.status_code in (HTTPStatus.NOT_FOUND, HTTPStatus.INTERNAL_SERVER_ERROR) and settings.DEBUG)
        ):
            return super().process_response(request, response)
        admin = request.path.startswith("/admin/")
        built = self._built.get(admin)
        if built is None:
            built = self._built[admin] = self._build(request, response)
        for header, value, exempt, excluded in built:
            exempted = getattr(response, exempt, False) is not False
            if header not in response and not exempted and not request.path_info.startswith(excluded):
                response[header] = value
        # As django-csp does: a nonce asked for after the header is written would not be in it.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def _build(self, request, response):
        built = []
        for report_only, header, exempt, setting in (
            (False, HEADER, "_csp_exempt", "CONTENT_SECURITY_POLICY"),
            (True, HEADER_REPORT_ONLY, "_csp_exempt_ro", "CONTENT_SECURITY_POLICY_REPORT_ONLY"),
        ):
            parts = self.get_policy_parts(request, response, report_only=report_only)
            if value := build_policy(**vars(parts), report_only=report_only):
                excluded = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES", None) or ()
                built.append((header, value, exempt, tuple(excluded)))
        return built


class MessageMiddleware(messages_middleware.MessageMiddleware):
    """Django's message middleware, with the storage made when a view or a template first adds or
    reads a message. Making it (a cookie signer and the session's storage behind it) was a sixth of
    the CPU of an answer that shows no messages; storage nobody touched has nothing to save."""

    def process_request(self, request):
        request._messages = SimpleLazyObject(partial(default_storage, request))

    def process_response(self, request, response):
        storage = getattr(request, "_messages", None)
        if isinstance(storage, SimpleLazyObject) and storage._wrapped is empty:
            return response
        return super().process_response(request, response)
