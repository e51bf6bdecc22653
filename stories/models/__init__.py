"""Stories, artisans, the workshops they work in, and what only staff may see about them."""

from .artisans import (
    ArtisanIndexPage,
    ArtisanPage,
    PublicIdentity,
    anonymous_name,
)
from .places import Workshop
from .private import (
    ArtisanRecord,
    ConsentState,
    Coverage,
    Identity,
    PendingImageArchive,
    ProtectedDocument,
)
from .stories import STORIES_PER_PAGE, StoryIndexPage, StoryPage, StoryTag

__all__ = [
    "STORIES_PER_PAGE",
    "ArtisanIndexPage",
    "ArtisanPage",
    "ArtisanRecord",
    "ConsentState",
    "Coverage",
    "Identity",
    "PendingImageArchive",
    "ProtectedDocument",
    "PublicIdentity",
    "StoryIndexPage",
    "StoryPage",
    "StoryTag",
    "Workshop",
    "anonymous_name",
]
