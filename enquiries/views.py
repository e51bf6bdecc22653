"""A reference picture, for staff who may read its form's submissions, and nobody else."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from wagtail.contrib.forms.utils import get_forms_for_user

from .models import ReferencePicture


def reference_picture(request, pk):
    """Stream the picture from the private storage (the admin's login is required around it)."""
    picture = get_object_or_404(ReferencePicture.objects.select_related("submission"), pk=pk)
    if not get_forms_for_user(request.user).filter(pk=picture.submission.page_id).exists():
        raise PermissionDenied
    response = FileResponse(picture.file.open("rb"), content_type=picture.content_type)
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, no-store"
    return response
