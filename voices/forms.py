"""The buyer's review form: a rating, words, a name to show, up to three photos."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import RATING_MAX, RATING_MIN, Review
from .photos import MAX_UPLOAD_BYTES, cleaned_photo

PHOTOS_PER_REVIEW = 3


class ReviewForm(forms.Form):
    """Works without JavaScript: one file field and one description per photo.

    Each photo is cleaned here (`voices.photos.cleaned_photo`), so a refused file is
    reported beside its field and nothing is stored.
    """

    rating = forms.TypedChoiceField(
        label=_("Your rating"),
        choices=[(value, str(value)) for value in range(RATING_MAX, RATING_MIN - 1, -1)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("5 is the best."),
    )
    text = forms.CharField(
        label=_("Your review"),
        max_length=Review._meta.get_field("text").max_length,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "How the piece lives with you. Please do not write the maker's name: their page "
            "says how they wish to be named."
        ),
    )
    display_name = forms.CharField(
        label=_("Name shown with your review"),
        max_length=Review._meta.get_field("display_name").max_length,
        help_text=_("Your first name or your initials."),
    )
    people_agreed = forms.BooleanField(
        label=_("The people recognisable in my photos agreed to appear on the site."),
        required=False,
        help_text=_("Leave it unticked if there is no one in them."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number in range(1, PHOTOS_PER_REVIEW + 1):
            self.fields[f"photo_{number}"] = forms.FileField(
                label=_("Photo %(number)s of the piece in its new home (optional)")
                % {"number": number},
                required=False,
                widget=forms.ClearableFileInput(
                    attrs={"accept": "image/jpeg,image/png,image/webp"}
                ),
                help_text=_("JPEG, PNG or WebP, at most %(megabytes)s MB.")
                % {"megabytes": MAX_UPLOAD_BYTES // (1024 * 1024)},
            )
            self.fields[f"alt_{number}"] = forms.CharField(
                label=_("What photo %(number)s shows") % {"number": number},
                required=False,
                max_length=250,
                help_text=_("For people who cannot see it, e.g. « the stool beside our sofa »."),
            )

    def photo_fields(self):
        """[(file field, description field)] bound, for the template."""
        return [
            (self[f"photo_{number}"], self[f"alt_{number}"])
            for number in range(1, PHOTOS_PER_REVIEW + 1)
        ]

    def clean(self):
        cleaned = super().clean()
        photos = []
        for number in range(1, PHOTOS_PER_REVIEW + 1):
            upload = cleaned.get(f"photo_{number}")
            alt_text = (cleaned.get(f"alt_{number}") or "").strip()
            if not upload:
                continue
            try:
                data = cleaned_photo(upload)
            except forms.ValidationError as error:
                self.add_error(f"photo_{number}", error)
                continue
            if not alt_text:
                self.add_error(f"alt_{number}", _("Say in a few words what the photo shows."))
                continue
            photos.append((data, alt_text))
        cleaned["photos"] = photos
        return cleaned
