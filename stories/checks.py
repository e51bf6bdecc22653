"""Deployment checks for where private files are kept."""

from django.conf import settings
from django.core.checks import Warning, register

from .storage import PrivateFileSystemStorage


@register("stories", deploy=True)
def private_files_are_shared(app_configs, **kwargs):
    """With public media on object storage, private files must not stay on one server's disk."""
    private = settings.STORAGES.get("private", {})
    on_disk = private.get("BACKEND", "").endswith(PrivateFileSystemStorage.__name__)
    if getattr(settings, "AWS_STORAGE_BUCKET_NAME", "") and on_disk:
        return [
            Warning(
                "Media are on object storage but consent forms and withdrawn portraits are "
                "kept on this server's disk, which other app servers cannot read.",
                hint="Set AWS_PRIVATE_STORAGE_BUCKET_NAME to a private bucket.",
                id="stories.W001",
            )
        ]
    return []
