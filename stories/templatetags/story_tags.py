"""Template tags that bring stories to pages of other apps (products) without an import."""

from django import template

from ..provenance import stories_behind as find_stories_behind

register = template.Library()


@register.simple_tag
def stories_behind(product):
    """`{% stories_behind page as stories %}`: the stories behind a product."""
    return find_stories_behind(product)
