"""Where private files live: outside MEDIA_ROOT, with no public URL.

Consent forms and withdrawn portraits are stored here. They are read only by the
application (Wagtail's document view checks who may see them), never by a web
server pointed at the media folder.
"""

from django.core.files.storage import FileSystemStorage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """A file system storage that refuses to make public URLs for what it holds."""

    def url(self, name):
        # NotImplementedError is what Wagtail's document view expects from a storage
        # without URLs: it then streams the file itself, after its permission checks.
        raise NotImplementedError(f"{name!r} is private: serve it through the document view.")


def private_storage():
    """The storage configured as `STORAGES["private"]` (a callable, so settings can change it)."""
    return storages["private"]
