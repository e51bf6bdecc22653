"""Moderating buyers' voices in the Wagtail admin: pending reviews with their photos.

The moderator reads each review, looks at its photos (faces: a recognisable person needs
the buyer's tick; no face detection), ticks the photos in which the maker can be
recognised, and approves or rejects. Approval asks the publication policy
(`voices.moderation.approve_review`): its reasons are shown and nothing changes.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from shop.publication import publication_problems

from .models import Review, ReviewStatus
from .moderation import ModerationRefused, approve_review, reject_review

MODERATE = "voices.moderate_review"
LISTED = 50


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", "approve"), ("reject", "reject")])
    note = forms.CharField(
        label=gettext_lazy("Note (why, for the other moderators)"), required=False, max_length=500
    )
    shows_maker = forms.TypedMultipleChoiceField(coerce=int, required=False)

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shows_maker"].choices = [(photo.pk, photo.pk) for photo in review.photos.all()]


def _check(request):
    if not request.user.has_perm(MODERATE):
        raise PermissionDenied


def moderation_index(request):
    """Reviews waiting for a moderator, oldest first; `?status=` lists the others."""
    _check(request)
    status = request.GET.get("status", ReviewStatus.PENDING)
    if status not in ReviewStatus.values:
        status = ReviewStatus.PENDING
    reviews = list(
        Review.objects.filter(status=status)
        .select_related("product", "order_line__order", "moderated_by")
        .prefetch_related("photos__image")
        .order_by("created_at" if status == ReviewStatus.PENDING else "-moderated_at")[:LISTED]
    )
    problems = (
        {review.pk: publication_problems(review) for review in reviews}
        if status == ReviewStatus.PENDING
        else {}
    )
    context = {
        "reviews": [(review, problems.get(review.pk, [])) for review in reviews],
        "status": status,
        "statuses": ReviewStatus.choices,
    }
    return TemplateResponse(request, "voices/admin/moderation.html", context)


@require_POST
def moderate(request, pk):
    """Approve or reject one pending review."""
    _check(request)
    review = get_object_or_404(Review.objects.prefetch_related("photos"), pk=pk)
    if review.status != ReviewStatus.PENDING:
        messages.error(request, _("This review was already moderated."))
        return redirect("voices_moderation")
    form = ModerationForm(request.POST, review=review)
    if not form.is_valid():
        messages.error(request, _("Choose « Approve » or « Reject »."))
        return redirect("voices_moderation")
    data = form.cleaned_data
    if data["decision"] == "approve":
        try:
            approve_review(review, by=request.user, photos_showing_maker=data["shows_maker"])
        except ModerationRefused as refusal:
            for problem in refusal.problems:
                messages.error(request, problem)
            return redirect("voices_moderation")
        messages.success(
            request,
            _("Review by %(name)s approved: it is on the site.") % {"name": review.display_name},
        )
    else:
        reject_review(review, by=request.user, note=data["note"])
        messages.success(request, _("Review by %(name)s rejected.") % {"name": review.display_name})
    return redirect("voices_moderation")
