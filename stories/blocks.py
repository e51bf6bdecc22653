"""StreamField blocks for editorial pages: stories, standard pages, the impact page.

The product blocks live here rather than in `shop` because stories point at
products, never the other way round (see DESIGN.md, "How the apps lean on each other").
"""

import copy

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from shop.models import ProductPage
from voices.blocks import VoicesBlock

from .choosers import HOME, PRODUCTS, StartingPageChooser

BLOCK_TEMPLATES = "components/streamfield/blocks"


# What the block picker previews (`Meta.preview_value`, drawn by the site's own templates
# in templates/wagtailcore/shared/block_preview.html): demo-like content, read when the
# picker asks, so a site without images or products still opens its editor.
def preview_pictures():
    """Images of the library that are nobody's portrait (named by label: models import us)."""
    portraits = apps.get_model("stories", "ArtisanPage").objects.exclude(portrait=None)
    return get_image_model().objects.exclude(pk__in=portraits.values("portrait")).order_by("pk")


def preview_image():
    return preview_pictures().first()


def preview_images():
    return [
        {"image": image, "alt_text": image.title, "caption": "", "credit": ""}
        for image in preview_pictures()[:3]
    ]


def preview_product():
    return ProductPage.objects.live().select_related("artisan").order_by("pk").first()


def preview_products():
    return list(ProductPage.objects.live().select_related("artisan").order_by("pk")[:3])


class ImageBlock(blocks.StructBlock):
    """An image with the alternative text screen-reader users hear, a caption and a credit."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Photo credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Image")
        template = f"{BLOCK_TEMPLATES}/image_block.html"
        description = _("A photo across the text, with its alternative text, caption and credit.")
        preview_value = staticmethod(
            lambda: {
                "image": preview_image(),
                "alt_text": _("A leather bag being stitched by hand"),
                "caption": _("In the workshop, a piece takes shape."),
                "credit": _("Mains Libres workshop"),
            }
        )


class QuoteBlock(blocks.StructBlock):
    """A pull quote, with who said it."""

    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Pull quote")
        template = f"{BLOCK_TEMPLATES}/quote_block.html"
        description = _("A sentence said by the person portrayed, set apart in large type.")
        preview_value = {
            "quote": _("Every stitch I make is a step towards the day I leave."),
            "attribution": _("An artisan of the workshop"),
        }


class GalleryBlock(blocks.StructBlock):
    """Several images shown together."""

    images = blocks.ListBlock(ImageBlock(), min_num=2, label=_("Images"))

    class Meta:
        icon = "grip"
        label = _("Gallery")
        template = f"{BLOCK_TEMPLATES}/gallery_block.html"
        description = _("Two images or more, side by side; each opens larger.")
        preview_value = staticmethod(lambda: {"images": preview_images()})


class VideoBlock(blocks.StructBlock):
    """A video from a provider such as YouTube or Vimeo, with a caption."""

    video = EmbedBlock(label=_("Video URL"), help_text=_("For example a YouTube or Vimeo link."))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "media"
        label = _("Video")
        template = f"{BLOCK_TEMPLATES}/video_block.html"
        description = _("A YouTube or Vimeo video, played in the page, with a caption.")
        # Drawn without the provider's player: the picker never calls the network.
        preview_template = f"{BLOCK_TEMPLATES}/video_block_preview.html"
        preview_value = {"video": None, "caption": _("The workshop at work, in three minutes.")}


class ProductChooserBlock(blocks.PageChooserBlock):
    """Chooses a product; every product of a page is fetched at once, with its maker.

    Its pictures are not: the card's content is cached (`shop.cards`), so they are read
    only when a card is drawn again, not on every view of the story.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("page_type", "shop.ProductPage")
        super().__init__(**kwargs)

    @cached_property
    def widget(self):
        # Opens at the shop of the story's language, labelled in each editor's (`stories.choosers`).
        return StartingPageChooser(target_models=self.target_models, start=PRODUCTS)

    def bulk_to_python(self, values):
        products = (
            ProductPage.objects.filter(pk__in=[value for value in values if value])
            .select_related("artisan")
            .in_bulk()
        )
        result, seen = [], set()
        for value in values:
            product = products.get(value)
            # The same product twice on a page needs two objects, as Wagtail's own blocks do.
            result.append(copy.copy(product) if product is not None and value in seen else product)
            seen.add(value)
        return result


class ProductCardBlock(blocks.StructBlock):
    """One product shown live: picture, price, sold state and an add-to-cart button."""

    product = ProductChooserBlock(label=_("Product"))
    text = blocks.CharBlock(
        label=_("Sentence shown with the product"),
        required=False,
        max_length=200,
    )

    class Meta:
        icon = "tag"
        label = _("Product card")
        template = f"{BLOCK_TEMPLATES}/product_card_block.html"
        description = _(
            "One piece on sale, live: picture, price, « sold » once sold, and the button to buy it."
        )
        preview_value = staticmethod(
            lambda: {"product": preview_product(), "text": _("The bag she tells us about.")}
        )


class ProductRowBlock(blocks.StructBlock):
    """ "Shop this story": several products in a row."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    products = blocks.ListBlock(
        ProductChooserBlock(),
        min_num=1,
        max_num=8,
        label=_("Products"),
    )

    class Meta:
        icon = "list-ul"
        label = _("Product row")
        template = f"{BLOCK_TEMPLATES}/product_row_block.html"
        description = _("« Shop this story »: up to eight pieces in a row, each live.")
        preview_value = staticmethod(
            lambda: {"heading": _("Shop this story"), "products": preview_products()}
        )


class LinkStructValue(blocks.StructValue):
    """The URL of a call to action, whichever way the editor gave it."""

    def url(self):
        page = self.get("page")
        if page:
            return page.url
        return self.get("external_url") or ""


class SitePageChooserBlock(blocks.PageChooserBlock):
    """Chooses any page of the site; the chooser opens at the home page of the page's language.

    Only its admin widget differs: migrations know it as Wagtail's `PageChooserBlock`, so the
    bodies' stored definitions (and their migrations) stay as they were.
    """

    canonical_module_path = "wagtail.blocks.PageChooserBlock"

    @cached_property
    def widget(self):
        return StartingPageChooser(target_models=self.target_models, start=HOME)


class CallToActionBlock(blocks.StructBlock):
    """A short invitation with one button, to a page of the site or elsewhere."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)
    page = SitePageChooserBlock(label=_("Page of the site"), required=False)
    external_url = blocks.URLBlock(label=_("Or an external link"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            message = _("Choose either a page of the site or an external link.")
            raise blocks.StructBlockValidationError(block_errors={"page": ValidationError(message)})
        return value

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = f"{BLOCK_TEMPLATES}/call_to_action_block.html"
        description = _("A short invitation and one button, to a page of the site or elsewhere.")
        preview_value = {
            "heading": _("Their work, in your hands"),
            "text": _("Every piece bought pays its maker."),
            "button_label": _("Visit the shop"),
            "external_url": "https://example.org/",
        }
        value_class = LinkStructValue


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "hr"]


class EditorialStreamBlock(blocks.StreamBlock):
    """The blocks every editorial page offers."""

    text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Text"),
        template=f"{BLOCK_TEMPLATES}/text_block.html",
    )
    # Set on its options, not passed to it: migrations keep the block as it was.
    text.meta.description = _("Paragraphs, headings, lists and links: the body of the text.")
    text.meta.preview_value = staticmethod(
        lambda: str(
            _(
                "<h2>A new start</h2><p>She learnt to sew in the workshop; today her bags are "
                "sold here, and <b>she is paid for each one</b>.</p>"
            )
        )
    )
    image = ImageBlock()
    quote = QuoteBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()


class StoryStreamBlock(EditorialStreamBlock):
    """A story's body: editorial blocks plus the products the story sells."""

    product_card = ProductCardBlock()
    product_row = ProductRowBlock()
    voices = VoicesBlock()
