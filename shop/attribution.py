"""Stories that sell: the story a shopper came from, carried to the cart, and link views.

A story's product links carry the story's id (`?from=42`). The product page keeps
it only when that live story really shows the product (Wagtail's reference index
knows which pages a story links to), puts it in the add-to-cart form so the cart
line and then the order line remember it, and counts a view for the report.
"""

import logging
import re

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import ReferenceIndex

from . import relations
from .models.attribution import StoryProductView
from .parsing import id_from

logger = logging.getLogger(__name__)

FROM_PARAMETER = "from"
SESSION_KEY = "story_product_views"
# Crawlers, link previews and monitoring tools, by the words their user agents carry.
ROBOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|preview|fetch|monitor|scan|curl|wget|python|http|headless",
    re.IGNORECASE,
)
# A session remembers at most this many (story, product) views of the day.
REMEMBERED_VIEWS = 200


def story_from_request(request, product):
    """The live story whose link brought the shopper to `product`, or None.

    Anything else (no parameter, not a number, an unknown or unpublished story, a
    story that does not show this product) is ignored: attribution is a nicety.
    """
    story_id = id_from(request.GET.get(FROM_PARAMETER))
    if story_id is None:
        return None
    story = relations.story_model().objects.live().public().filter(pk=story_id).first()
    if story is None:
        return None
    links = ReferenceIndex.get_references_for_object(story) & ReferenceIndex.get_references_to(
        product
    )
    return story if links.exists() else None


def looks_automated(request):
    """Crawlers, link previews and browser prefetches are not readers."""
    agent = request.headers.get("User-Agent", "")
    purpose = request.headers.get("Sec-Purpose", "") + request.headers.get("Purpose", "")
    return not agent or bool(ROBOT_PATTERN.search(agent)) or "prefetch" in purpose


def record_story_view(request, story, product):
    """Count one view of `product` reached from `story`: once per session and day.

    Never fails the page: a database error is logged and the view is not counted.
    """
    if request.method != "GET" or getattr(request, "is_preview", False):
        return False
    if looks_automated(request):
        return False
    day = timezone.localdate()
    key = f"{day.isoformat()}:{story.pk}:{product.pk}"
    seen = request.session.get(SESSION_KEY)
    seen = (
        [item for item in seen if str(item).startswith(day.isoformat())]
        if isinstance(seen, list)
        else []
    )
    if key in seen:
        return False
    try:
        _count_view(story, product, day)
    except DatabaseError:
        logger.exception("Could not count a view of product %s from story %s", product.pk, story.pk)
        return False
    request.session[SESSION_KEY] = [*seen[-(REMEMBERED_VIEWS - 1) :], key]
    return True


def _count_view(story, product, day):
    views = StoryProductView.objects.filter(story=story, product=product, day=day)
    if views.update(views=F("views") + 1):
        return
    try:
        with transaction.atomic():
            StoryProductView.objects.create(story=story, product=product, day=day, views=1)
    except IntegrityError:  # another visitor's first view of the day was counted meanwhile
        views.update(views=F("views") + 1)
