"""Stories and the story index, with its RSS and Atom feeds."""

from django import forms
from django.apps import apps
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from shop.page_lookups import CachedViewRestrictionsMixin
from shop.parsing import id_from, slug_from
from shop.publication import PublicationCheckedPageForm, PublicationGuardMixin

from ..blocks import RICH_TEXT_FEATURES, StoryStreamBlock
from ..feeds import StoryFeed
from ..forms import StoryPageForm
from ..prefetch import with_renditions
from .places import Workshop

STORIES_PER_PAGE = 12
ARTISAN = "stories.ArtisanPage"


class StoryTag(TaggedItemBase):
    """A story's theme (for example « formation » or « retour »)."""

    content_object = ParentalKey(
        "stories.StoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class StoryIndexPage(CachedViewRestrictionsMixin, PublicationGuardMixin, RoutablePageMixin, Page):
    """The list of stories, newest first, filtered by theme or workshop, with RSS and Atom feeds."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    base_form_class = PublicationCheckedPageForm
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1
    template = "pages/story_index_page.html"

    class Meta:
        verbose_name = _("story index")

    def stories(self):
        """Published stories of this index, newest first, with what their cards show."""
        return with_renditions(
            StoryPage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .prefetch_related("artisans", "tags")
            .order_by("-date", "-pk"),
            "hero_image",
        )

    def filters(self, request):
        """Theme, workshop and artisan from the query string; malformed values are ignored."""
        workshop = request.GET.get("workshop", "").strip()[:12]
        artisan = request.GET.get("artisan", "").strip()[:12]
        return {
            "theme": slug_from(request.GET.get("theme")),
            "workshop": workshop if id_from(workshop) is not None else "",
            "artisan": artisan if id_from(artisan) is not None else "",
        }

    def filtered_stories(self, request):
        """The published stories matching the query string's filters, and the filters used."""
        stories = self.stories()
        chosen = self.filters(request)
        if chosen["theme"]:
            stories = stories.filter(tags__slug=chosen["theme"])
        if chosen["workshop"]:
            stories = stories.filter(artisans__workshop_id=int(chosen["workshop"])).distinct()
        if chosen["artisan"]:
            stories = stories.filter(artisans=int(chosen["artisan"])).distinct()
        return stories, chosen

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories, chosen = self.filtered_stories(request)
        context["stories"] = Paginator(stories, STORIES_PER_PAGE).get_page(request.GET.get("page"))
        published = StoryPage.objects.child_of(self).live().public()
        context["themes"] = (
            Tag.objects.filter(stories_storytag_items__content_object__in=published)
            .distinct()
            .order_by("name")
        )
        context["workshops"] = Workshop.objects.filter(artisans__stories__in=published).distinct()
        context["current_theme"] = chosen["theme"]
        context["current_workshop"] = chosen["workshop"]
        context["current_artisan"] = (
            self.artisan_named(chosen["artisan"]) if chosen["artisan"] else None
        )
        context["filter_query"] = urlencode({key: value for key, value in chosen.items() if value})
        return context

    def artisan_named(self, artisan_id):
        """The published artisan the list is filtered on, to say so above the list."""
        # Named by its label, like the featured artisans' field: `models.artisans` imports
        # this module, so this module does not import it back.
        artisan_model = apps.get_model(ARTISAN)
        return artisan_model.objects.live().public().filter(pk=int(artisan_id)).first()

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return StoryFeed(self, atom=False)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return StoryFeed(self, atom=True)(request)


class StoryPage(CachedViewRestrictionsMixin, PublicationGuardMixin, Page):
    """A story about an artisan or a workshop, ending with what they made.

    It can only be published while every featured artisan's consent covers a
    story: `publish()` refuses otherwise, whichever path calls it (editor,
    workflow, schedule, code), and the editor's form says why
    (`stories.forms.StoryPageForm`).
    """

    standfirst = models.TextField(
        _("standfirst"), max_length=400, help_text=_("Two or three sentences that open the story.")
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_caption = models.CharField(_("main image caption"), max_length=250, blank=True)
    hero_credit = models.CharField(_("main image credit"), max_length=120, blank=True)
    artisans = ParentalManyToManyField(
        ARTISAN,
        verbose_name=_("artisans featured"),
        blank=True,
        related_name="stories",
        help_text=_(
            "The people this story is about. It can only be published while each one's consent "
            "covers telling their story."
        ),
    )
    # Themes are words of the story's language: each translation has its own, so the
    # English index lists and filters by English themes.
    tags = ClusterTaggableManager(
        verbose_name=_("themes"),
        through=StoryTag,
        blank=True,
        help_text=_(
            "Words in this page's language: a translation has its own themes (« famille » "
            "on the French page, « family » on the English one)."
        ),
    )
    body = StreamField(StoryStreamBlock(), verbose_name=_("body"))

    base_form_class = StoryPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        FieldPanel("date"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption"), FieldPanel("hero_credit")],
            heading=_("Main image"),
        ),
        FieldPanel("artisans", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []
    template = "pages/story_page.html"

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.pk and not getattr(request, "is_preview", False):
            # Asked twice (themes in the header, keywords in the JSON-LD): fetched once.
            models.prefetch_related_objects([self], "tags")
        # The index the theme links and the feed belong to, in one query.
        context["story_index"] = StoryIndexPage.objects.ancestor_of(self).first()
        context["related_stories"] = self.related_stories()
        # A list, not a query: in a preview the artisans are the editor's unsaved choice.
        context["featured_artisans"] = self.in_own_language(
            [artisan for artisan in self.artisans.all() if artisan.live]
        )
        return context

    def in_own_language(self, pages):
        """Each page in this story's language when translated (a translated story may still
        name the pages its original chose), else as it is."""
        if not pages:
            return pages
        translations = {
            page.translation_key: page
            for page in type(pages[0])
            .objects.live()
            .filter(
                locale_id=self.locale_id, translation_key__in=[p.translation_key for p in pages]
            )
        }
        return [translations.get(page.translation_key, page) for page in pages]

    def related_stories(self, limit=3):
        """Other stories sharing an artisan or a theme, newest first."""
        related = (
            StoryPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .filter(models.Q(artisans__in=self.artisans.all()) | models.Q(tags__in=self.tags.all()))
            .values("pk")
        )
        # Three pictures: their renditions come from Wagtail's rendition cache once drawn.
        return (
            StoryPage.objects.filter(pk__in=related)
            .select_related("hero_image")
            .prefetch_related("artisans")
            .order_by("-date", "-pk")[:limit]
        )
