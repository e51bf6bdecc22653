"""Artisan pages: the public face of each maker, as far as their consent allows."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from shop.cards import prepare_cards
from shop.page_lookups import CachedViewRestrictionsMixin
from shop.publication import PublicationCheckedPageForm, PublicationGuardMixin
from voices.public import voices_of_artisan

from ..blocks import RICH_TEXT_FEATURES
from ..forms import ArtisanPageForm
from ..panels import PublicIdentityPanel
from ..prefetch import with_renditions
from .private import ArtisanRecord, ConsentState, Coverage
from .stories import StoryIndexPage

STORIES_ON_ARTISAN_PAGE = 6
# A multiple of the grid's four columns.
ARTISANS_PER_PAGE = 48
# The maker's few words beside a product's price: one or two sentences, at most this long.
SHORT_BIO_CHARACTERS = 220
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


@dataclass(frozen=True)
class PublicIdentity:
    """How an artisan appears on the site on a given day, derived from their private record."""

    name: str
    is_anonymous: bool
    shows_face: bool
    shows_profile: bool


def anonymous_name(workshop, language):
    """« Artisan anonyme, Atelier du Fleuve »: how a person without a shown name is called."""
    with translation.override(language):
        if workshop is None:
            return gettext("Anonymous artisan")
        return gettext("Anonymous artisan, %(workshop)s") % {"workshop": workshop.name}


class ArtisanIndexPage(CachedViewRestrictionsMixin, PublicationGuardMixin, Page):
    """Lists the artisans, grouped by workshop, a page of them at a time."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    base_form_class = PublicationCheckedPageForm
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.ArtisanPage"]
    max_count_per_parent = 1
    template = "pages/artisan_index_page.html"

    class Meta:
        verbose_name = _("artisan index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        artisans = with_renditions(
            ArtisanPage.objects.child_of(self)
            .live()
            .public()
            .select_related("workshop", "portrait")
            .order_by("workshop__name", "title", "pk"),
            "portrait",
        )
        paginator = Paginator(artisans, ARTISANS_PER_PAGE)
        context["artisans"] = paginator.get_page(request.GET.get("page"))
        return context


class ArtisanPage(CachedViewRestrictionsMixin, PublicationGuardMixin, Page):
    """An artisan's public profile: who they are, where they work, what they make.

    The title (their public name), URL, portrait and profile follow the
    artisan's private record (`ArtisanRecord`): editors never type the name,
    and a withdrawal makes the page anonymous everywhere at once
    (`stories.consent.refresh_artisan`). Revisions restored later still show
    the current identity (`with_content_json`).
    """

    workshop = models.ForeignKey(
        "stories.Workshop",
        verbose_name=_("workshop"),
        on_delete=models.PROTECT,
        related_name="artisans",
    )
    craft = models.CharField(
        _("craft"), max_length=120, help_text=_("What they make, e.g. « ébéniste » or « peintre ».")
    )
    profile = RichTextField(
        _("profile"),
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "Their story in a few paragraphs, shown only while their consent covers it. Call "
            "them by the name shown on the page, never by their legal name."
        ),
    )
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Only when their consent covers their face; otherwise leave it empty."),
    )
    # Derived from the private record by `apply_public_identity`; never typed by editors.
    is_anonymous = models.BooleanField(default=True, editable=False)
    shows_face = models.BooleanField(default=False, editable=False)
    shows_profile = models.BooleanField(default=False, editable=False)

    base_form_class = ArtisanPageForm
    content_panels = [
        PublicIdentityPanel(heading=_("Public identity")),
        FieldPanel("workshop"),
        FieldPanel("craft"),
        FieldPanel("portrait"),
        FieldPanel("profile"),
    ]
    # The name, URL and search description follow consent: nothing to promote by hand.
    promote_panels = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("craft"),
        index.SearchField("public_profile"),
        index.RelatedFields("workshop", [index.SearchField("name")]),
    ]
    parent_page_types = ["stories.ArtisanIndexPage"]
    subpage_types = []
    template = "pages/artisan_page.html"

    class Meta:
        verbose_name = _("artisan")
        verbose_name_plural = _("artisans")

    # Identity ---------------------------------------------------------------------------

    @property
    def display_name(self):
        return self.title

    @cached_property
    def initials(self):
        if self.is_anonymous:
            return ""
        return "".join(word[0] for word in self.title.split()[:2]).upper()

    def public_profile(self):
        """The profile as the search index sees it: nothing unless consent covers the story."""
        return self.profile if self.shows_profile else ""

    @cached_property
    def short_bio(self):
        """The first one or two sentences of the profile, as plain text, where consent covers it.

        Shown beside a product's price; empty when the artisan chose not to be presented.
        """
        text = " ".join(strip_tags(self.public_profile().replace("</p>", "</p> ")).split())
        if not text:
            return ""
        sentences = SENTENCE_END.split(text)
        bio = sentences[0]
        if len(sentences) > 1 and len(bio) + 1 + len(sentences[1]) <= SHORT_BIO_CHARACTERS:
            bio += " " + sentences[1]
        return Truncator(bio).chars(SHORT_BIO_CHARACTERS)

    def get_private_record(self):
        """The private record of this artisan, whichever translation of the page this is."""
        return ArtisanRecord.objects.filter(artisan__translation_key=self.translation_key).first()

    def derive_public_identity(self, on=None, record=None):
        """What the private record allows to show on that day (today by default).

        Pass `record` when it is already at hand; otherwise it is fetched.
        """
        record = record or self.get_private_record()
        coverage = record.coverage(on) if record else Coverage(ConsentState.NOT_GIVEN)
        shown = record.shown_name(on) if record else ""
        language = self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE
        workshop = self.workshop if self.workshop_id else None
        return PublicIdentity(
            name=shown or anonymous_name(workshop, language),
            is_anonymous=not shown,
            shows_face=coverage.face,
            shows_profile=coverage.story,
        )

    def apply_public_identity(self, identity):
        """Copy a derived identity onto the page's own fields."""
        self.title = self.draft_title = identity.name
        self.seo_title = self.search_description = ""
        self.is_anonymous = identity.is_anonymous
        self.shows_face = identity.shows_face
        self.shows_profile = identity.shows_profile

    def identity_differs(self, identity):
        return (self.title, self.is_anonymous, self.shows_face, self.shows_profile) != (
            identity.name,
            identity.is_anonymous,
            identity.shows_face,
            identity.shows_profile,
        )

    def full_clean(self, *args, **kwargs):
        # The name comes from the record before Wagtail derives a slug from it.
        self.apply_public_identity(self.derive_public_identity())
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.portrait_id and not self.shows_face:
            raise ValidationError(
                {
                    "portrait": _(
                        "This artisan's consent does not cover their face: no portrait can be "
                        "shown. Their consent is recorded by the consent staff."
                    )
                }
            )

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            self.apply_public_identity(self.derive_public_identity())
            if not self.shows_face:
                self.portrait = None
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        """A revision shown or restored today carries today's identity, not its own."""
        page = super().with_content_json(content)
        page.title, page.draft_title = self.title, self.draft_title
        page.seo_title = page.search_description = ""
        page.slug, page.url_path = self.slug, self.url_path
        page.is_anonymous = self.is_anonymous
        page.shows_face = self.shows_face
        page.shows_profile = self.shows_profile
        if not self.shows_face:
            page.portrait = None
        return page

    # Public page ------------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["products"] = prepare_cards(request, self.public_products())
        stories = with_renditions(
            self.stories.live()
            .public()
            .select_related("hero_image")
            .prefetch_related("artisans")
            .order_by("-date", "-pk"),
            "hero_image",
        )
        # One more than shown tells whether to link to the full, filtered list.
        newest = list(stories[: STORIES_ON_ARTISAN_PAGE + 1])
        context["stories"] = newest[:STORIES_ON_ARTISAN_PAGE]
        context["more_stories"] = len(newest) > STORIES_ON_ARTISAN_PAGE
        # Fetched whatever the count, so a longer list never costs one more query.
        context["story_index"] = StoryIndexPage.objects.live().filter(locale=self.locale_id).first()
        # What buyers say of their pieces (approved voices only, `voices.public`).
        context["voices"] = voices_of_artisan(self, request=request)
        return context

    def public_products(self):
        """The artisan's products on the site, available ones first, then sold ones."""
        return (
            self.products.live()
            .public()
            .select_related("artisan")
            .annotate(
                sold_last=models.Case(
                    models.When(stock=0, then=models.Value(1)),
                    default=models.Value(0),
                    output_field=models.IntegerField(),
                )
            )
            .order_by("sold_last", "-first_published_at", "-pk")
        )
