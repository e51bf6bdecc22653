"""The buyer's review form, reached from the signed link of the fulfilment e-mail.

A link that cannot be used (forged, expired, another order's, already used, an order not
paid) gets a 4xx page saying why, and nothing is stored. The page is never cached: it
holds the visitor's CSRF token and a link meant for one buyer. Posts are rate-limited
like the shop's (`RATE_LIMITS["voices"]`).
"""

from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from .forms import ReviewForm
from .links import ReviewLinkRefused, line_for_token
from .moderation import submit_review


def _refused(request, refusal):
    return TemplateResponse(
        request, "voices/review_refused.html", {"message": refusal.message}, status=refusal.status
    )


@never_cache
def review(request, token):
    """GET shows the form; POST stores the review, pending moderation, and thanks the buyer."""
    try:
        line = line_for_token(token)
    except ReviewLinkRefused as refusal:
        return _refused(request, refusal)
    status = 200
    if request.method == "POST":
        form = ReviewForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                submit_review(
                    line,
                    rating=data["rating"],
                    text=data["text"].strip(),
                    display_name=data["display_name"].strip(),
                    language=get_language(),
                    photos=data["photos"],
                    people_agreed=data["people_agreed"],
                )
            except ReviewLinkRefused as refusal:
                return _refused(request, refusal)
            return TemplateResponse(request, "voices/review_thanks.html", {"line": line})
        status = 400
    else:
        form = ReviewForm()
    context = {"form": form, "line": line}
    return TemplateResponse(request, "voices/review_form.html", context, status=status)
