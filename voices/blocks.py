"""The StreamField block editors place in stories: a product's or an artisan's approved voices.

It lives here, not in `stories`, because it reads voices; `stories` imports it for its
story body (docs/conventions.md: stories ─► voices).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .models import Review, ReviewStatus
from .public import VOICES_SHOWN, voices_of_artisan, voices_of_product

BLOCK_TEMPLATES = "components/streamfield/blocks"


class VoicesBlock(blocks.StructBlock):
    """What buyers say: the approved voices of one product, or of one artisan's pieces."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    product = blocks.PageChooserBlock(
        label=_("Product"), page_type="shop.ProductPage", required=False
    )
    artisan = blocks.PageChooserBlock(
        label=_("Or an artisan"), page_type="stories.ArtisanPage", required=False
    )
    count = blocks.IntegerBlock(
        label=_("How many voices at most"), min_value=1, max_value=12, default=3
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("product")) == bool(value.get("artisan")):
            message = _("Choose either a product or an artisan.")
            raise blocks.StructBlockValidationError(
                block_errors={"product": ValidationError(message)}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        limit = value.get("count") or VOICES_SHOWN
        page = (parent_context or {}).get("page")
        request = (parent_context or {}).get("request")
        locale_id = getattr(page, "locale_id", None)
        product, artisan = value.get("product"), value.get("artisan")
        if product is not None and product.live:
            summary = voices_of_product(
                product.localized.specific, limit, with_product=True, request=request
            )
        elif artisan is not None and artisan.live:
            summary = voices_of_artisan(
                artisan.localized.specific, locale_id, limit, request=request
            )
        else:
            summary = None
        context["summary"] = summary
        return context

    def get_preview_value(self):
        # The block picker shows the voices of the piece reviewed last, as readers would.
        latest = Review.objects.filter(status=ReviewStatus.APPROVED).order_by("-pk").first()
        return self.to_python(
            {"product": latest.product_id if latest else None, "artisan": None, "count": 2}
        )

    class Meta:
        icon = "openquote"
        label = _("Buyers' voices")
        template = f"{BLOCK_TEMPLATES}/voices_block.html"
        description = _("What buyers of a piece, or of an artisan's pieces, said of them.")
