"""The enquiries in the admin: the staff-only address of reference pictures.

Submissions themselves are listed and exported by Wagtail's « Forms » menu
(`wagtail.contrib.forms`), with the enquiry pages' own listing view
(`enquiries.submissions`).
"""

from django.urls import path
from wagtail import hooks

from .views import reference_picture


@hooks.register("register_admin_urls")
def register_picture_urls():
    return [
        path(
            "enquiries/pictures/<int:pk>/",
            reference_picture,
            name="enquiries_reference_picture",
        )
    ]
