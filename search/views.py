"""The search page and the search box's suggestions; the work is in `search.results`."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from .query import MAX_QUERY_LENGTH, clean_query
from .results import TYPES_BY_KEY, record_search, run_search, suggestions

# The suggestions answer only short prefixes: a longer string is refused, not searched.
MAX_SUGGESTION_LENGTH = 100
MIN_SUGGESTION_LENGTH = 2
# Browsers keep a suggestion list this long (seconds), so typing back and forth asks once.
SUGGESTIONS_MAX_AGE = 300


@require_GET
def search(request):
    """One page of results over stories, artisans, products and other pages, by type."""
    query = clean_query(request.GET.get("q", ""))
    type_key = request.GET.get("type", "")
    type_key = type_key if type_key in TYPES_BY_KEY else ""
    outcome = run_search(query, Locale.get_active(), type_key, request.GET.get("page"))
    if query.has_words and outcome.page and outcome.page.number == 1:
        record_search(query)
    base_query = {"q": query.text}
    context = {
        "query": query,
        "outcome": outcome,
        "type_key": type_key,
        "max_length": MAX_QUERY_LENGTH,
        "base_query_string": urlencode(base_query),
        "query_string": urlencode({**base_query, **({"type": type_key} if type_key else {})}),
    }
    return render(request, "search/search.html", context)


@require_GET
def search_suggestions(request):
    """Page titles for what is being typed in the search box, as JSON.

    GET only, no cookie or session needed, cacheable by the browser for a few
    minutes; the box asks after a pause in typing (`assets/js/search-suggestions.js`).
    """
    raw = request.GET.get("q", "")
    if len(raw) > MAX_SUGGESTION_LENGTH:
        message = _("Type at most %(limit)d characters.") % {"limit": MAX_SUGGESTION_LENGTH}
        return JsonResponse({"error": message, "suggestions": []}, status=400)
    query = clean_query(raw)
    found = []
    if len(query.terms) >= MIN_SUGGESTION_LENGTH:
        found = suggestions(query, Locale.get_active())
    response = JsonResponse({"query": query.text, "suggestions": found})
    patch_cache_control(response, public=True, max_age=SUGGESTIONS_MAX_AGE)
    return response
