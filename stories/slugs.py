"""Artisan pages' slugs: free under their parent, derived from the name the page shows."""

from django.utils.text import slugify


def unique_slug(parent, name, page=None):
    """A slug for `name` no sibling under `parent` uses yet (`page` itself aside)."""
    base = slugify(name) or "artisan"
    siblings = parent.get_children()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug
