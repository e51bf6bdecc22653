"""Growing the catalogue in bulk: the one way code adds many pages at once.

`manage.py generate_catalogue` (benchmarks, `bench/`, the query-budget tests) and the
tests that grow the demo insert their pages here. Each page is written as
`parent.add_child()` would write it (tree path, depth, URL path, locale, live), but a
batch at a time: `add_child` with its revision and publication costs about 0.05 s a page
on SQLite, 3 minutes for 3 000 products, their artisans and stories; this takes seconds.
Pages are live with no revision, as pages created in code are; their search entries are
added with `index_in_bulk`.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

BATCH = 500


def _copy_base_fields(page):
    """A plain `Page` holding the base-table columns of a specific page."""
    return Page(
        **{
            field.attname: getattr(page, field.attname)
            for field in Page._meta.concrete_fields
            if not field.primary_key
        }
    )


def add_children_in_bulk(parent, pages):
    """Insert new live pages as the last children of `parent`, a batch at a time.

    Writes what `parent.add_child()` would (tree path, depth, URL path, locale), but as
    one INSERT per batch into `wagtailcore_page` and one into the page type's own table.
    """
    parent.refresh_from_db()
    last = parent.get_last_child()
    position = last._get_lastpos_in_path() if last else 0
    content_type = ContentType.objects.get_for_model(type(pages[0]))
    now = timezone.now()
    for page in pages:
        position += 1
        page.path = Page._get_path(parent.path, parent.depth + 1, position)
        page.depth, page.numchild = parent.depth + 1, 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.draft_title = page.title
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = now
    model = type(pages[0])
    for start in range(0, len(pages), BATCH):
        batch = pages[start : start + BATCH]
        base_rows = Page.objects.bulk_create([_copy_base_fields(page) for page in batch])
        for page, row in zip(batch, base_rows, strict=True):
            page.id = page.page_ptr_id = row.pk
        # The page type's own table: Django's bulk_create refuses multi-table models.
        model._base_manager._insert(batch, fields=model._meta.local_concrete_fields)
    Page.objects.filter(pk=parent.pk).update(numchild=models.F("numchild") + len(pages))
    return pages


def index_in_bulk(model, pks):
    """Add the new objects to the search index, as `update_index` would."""
    objects = list(model.objects.filter(pk__in=pks))
    for backend in get_search_backends():
        for start in range(0, len(objects), BATCH):
            backend.add_bulk(model, objects[start : start + BATCH])
