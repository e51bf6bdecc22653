"""Snippet fields written once per language: `name` in the site's first language,
`name_en` in English (a new language adds its `_<code>` field)."""

from django.utils.translation import get_language


def in_reader_language(instance, field):
    """`instance.<field>_<reader's language>` when written, else `instance.<field>`."""
    return getattr(instance, f"{field}_{get_language()}", "") or getattr(instance, field)
