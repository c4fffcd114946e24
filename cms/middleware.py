"""Middleware of the portal's own."""

from django.middleware.locale import LocaleMiddleware


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus one surprise: for a 404 outside the language
    prefixes it redirects to `/<language><path>` whenever that URL resolves — and Wagtail's
    catch-all page route resolves everything under /de/. A missing object in the admin
    (or a missing document) must stay a 404, not become a redirect to /de/admin/…."""

    UNPREFIXED = ("/admin/", "/documents/")

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(self.UNPREFIXED):
            return response
        return super().process_response(request, response)
