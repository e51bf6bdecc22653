"""Blocks of the standard pages: the editorial blocks and the partners list."""

from impact.blocks import PartnersBlock
from stories.blocks import EditorialStreamBlock


class StandardStreamBlock(EditorialStreamBlock):
    """A standard page's body: the editorial blocks and the partners list."""

    partners = PartnersBlock()
