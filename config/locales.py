"""Wagtail's locales looked up once per request and language, not once per call.

`Locale.get_active()` runs `Locale.objects.get_for_language()`, a query, every time a
page asks for its `localized` version, a menu for the home page, a block for its page
in the reader's language: a dozen identical queries on a story page. Within a request
the answer cannot change (a locale is created or removed in the admin, by a request of
its own), so `RequestLocalesMiddleware` gives each request a memo that
`get_for_language` reads first. Outside a request (commands, tasks) nothing changes.
"""

import contextvars

from wagtail.models.i18n import LocaleManager

_memo = contextvars.ContextVar("request_locales", default=None)
_original_get_for_language = LocaleManager.get_for_language


def _get_for_language(manager, language_code):
    memo = _memo.get()
    if memo is None:
        return _original_get_for_language(manager, language_code)
    if language_code not in memo:
        memo[language_code] = _original_get_for_language(manager, language_code)
    return memo[language_code]


def install():
    """Called once at start-up by `config.apps.SiteConfig.ready`."""
    LocaleManager.get_for_language = _get_for_language


class RequestLocalesMiddleware:
    """One memo of locales per request (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
