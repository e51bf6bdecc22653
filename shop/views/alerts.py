"""« Prévenez-moi »: signing up on a sold piece, and leaving by the signed link."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import alerts
from ..forms import SimilarPieceAlertForm
from ..models import SimilarPieceAlert


def _render_form(request, form, status, errors=()):
    """The sign-up form again, with what went wrong (no change was made)."""
    product = form.cleaned_data.get("product") if hasattr(form, "cleaned_data") else None
    context = {"form": form, "product": product, "errors": list(errors)}
    return render(request, "shop/similar_piece_alert.html", context, status=status)


@require_POST
def alert_sign_up(request):
    form = SimilarPieceAlertForm(request.POST)
    if not form.is_valid():
        return _render_form(request, form, status=400)
    data = form.cleaned_data
    try:
        alerts.sign_up(
            data["product"],
            email=data["email"],
            phone=data["phone"],
            language=get_language() or "fr",
        )
    except alerts.AlreadySignedUp:
        error = _(
            "You are already signed up for a piece like this one: we will write to you once, "
            "when one is on sale."
        )
        return _render_form(request, form, status=409, errors=[error])
    messages.success(
        request,
        _("Thank you: we will tell you once, when a piece like « %(title)s » is on sale.")
        % {"title": data["product"].title},
    )
    return redirect(data["product"].url)


@require_http_methods(["GET", "POST"])
def alert_unsubscribe(request, token):
    """GET asks for confirmation (mail scanners open links); POST deletes the sign-up."""
    alert = SimilarPieceAlert.from_unsubscribe_token(token)
    if alert is None:
        context = {
            "error": _("This link is not valid, or the sign-up was already forgotten."),
        }
        return render(request, "shop/similar_piece_unsubscribe.html", context, status=400)
    if request.method == "POST":
        alert.delete()
        context = {"done": True}
        return render(request, "shop/similar_piece_unsubscribe.html", context)
    return render(request, "shop/similar_piece_unsubscribe.html", {"alert": alert})
