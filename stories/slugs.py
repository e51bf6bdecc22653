"""Slugs made from a name, free among others: artisan pages' (under their parent), partners'."""

from django.utils.text import slugify


def free_slug(name, others, fallback, max_length=None):
    """slugify(name), with « -2 », « -3 »... when a row of `others` has it already."""
    base = (slugify(name) or fallback)[:max_length]
    taken = set(others.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def unique_slug(parent, name, page=None):
    """A slug for `name` no sibling under `parent` uses yet (`page` itself aside)."""
    siblings = parent.get_children()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    return free_slug(name, siblings, "artisan")
