"""The stories behind a product: found, never linked twice by editors.

A story is « behind » a product when it features the product's artisan or
shows the product in one of its blocks (found through Wagtail's reference
index, which Wagtail keeps up to date on every save). `shop` never imports
this module: the product page template asks for it through a template tag.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import ReferenceIndex

from .models import StoryPage
from .prefetch import with_renditions

STORIES_BEHIND_LIMIT = 3


def stories_behind(product, limit=STORIES_BEHIND_LIMIT):
    """Published stories that show this product or feature its maker, newest first."""
    story_type = ContentType.objects.get_for_model(StoryPage)
    showing = [
        int(pk)
        for pk in ReferenceIndex.get_references_to(product)
        .filter(content_type=story_type)
        .values_list("object_id", flat=True)
    ]
    condition = Q(pk__in=showing)
    if product.artisan_id:
        condition |= Q(artisans=product.artisan_id)
    related = StoryPage.objects.filter(condition).values("pk")
    return with_renditions(
        StoryPage.objects.live()
        .public()
        .filter(pk__in=related)
        .select_related("hero_image")
        .prefetch_related("artisans")
        .order_by("-date", "-pk")[:limit],
        "hero_image",
    )
