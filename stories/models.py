"""Stories, artisans and the workshops they work in."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from .blocks import RICH_TEXT_FEATURES, StoryStreamBlock

STORIES_PER_PAGE = 12


@register_snippet
class Workshop(index.Indexed, models.Model):
    """A place where artisans work: a prison workshop or a training centre."""

    class Kind(models.TextChoices):
        PRISON = "prison", _("Prison workshop")
        TRAINING_CENTRE = "training_centre", _("Training centre")
        RETURN_WORKSHOP = "return_workshop", _("Workshop for people after release")

    name = models.CharField(_("name"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    city = models.CharField(_("city"), max_length=80, blank=True)
    region = models.CharField(
        _("region"), max_length=80, help_text=_("Shown to shoppers, e.g. « Dakar » or « Thiès ».")
    )
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("city"),
        FieldPanel("region"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("region")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    def __str__(self):
        return self.name


class ArtisanIndexPage(Page):
    """Lists the artisans, grouped by workshop."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.ArtisanPage"]
    max_count_per_parent = 1
    template = "pages/artisan_index_page.html"

    class Meta:
        verbose_name = _("artisan index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["artisans"] = (
            ArtisanPage.objects.child_of(self)
            .live()
            .public()
            .select_related("workshop", "portrait")
            .order_by("workshop__name", "title")
        )
        return context


class ArtisanPage(Page):
    """An artisan's public profile: who they are, where they work, what they make."""

    workshop = models.ForeignKey(
        Workshop,
        verbose_name=_("workshop"),
        on_delete=models.PROTECT,
        related_name="artisans",
    )
    craft = models.CharField(
        _("craft"), max_length=120, help_text=_("What they make, e.g. « ébéniste » or « peintre ».")
    )
    profile = RichTextField(_("profile"), features=RICH_TEXT_FEATURES)
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        FieldPanel("title", heading=_("Public display name")),
        FieldPanel("workshop"),
        FieldPanel("craft"),
        FieldPanel("portrait"),
        FieldPanel("profile"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("craft"),
        index.SearchField("profile"),
        index.RelatedFields("workshop", [index.SearchField("name")]),
    ]
    parent_page_types = ["stories.ArtisanIndexPage"]
    subpage_types = []
    template = "pages/artisan_page.html"

    class Meta:
        verbose_name = _("artisan")
        verbose_name_plural = _("artisans")

    @property
    def display_name(self):
        return self.title

    @cached_property
    def initials(self):
        return "".join(word[0] for word in self.title.split()[:2]).upper()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["products"] = self.public_products()
        context["stories"] = (
            StoryPage.objects.live().public().filter(artisans=self).order_by("-date")
        )
        return context

    def public_products(self):
        """The artisan's products on the site, available ones first, then sold ones."""
        return (
            self.products.live()
            .public()
            .select_related("category")
            .annotate(
                sold_last=models.Case(
                    models.When(stock=0, then=models.Value(1)),
                    default=models.Value(0),
                    output_field=models.IntegerField(),
                )
            )
            .order_by("sold_last", "-first_published_at")
        )


class StoryTag(TaggedItemBase):
    """A story's theme (for example « formation » or « retour »)."""

    content_object = ParentalKey(
        "stories.StoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class StoryIndexPage(Page):
    """The list of stories, newest first, filtered by theme or workshop."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1
    template = "pages/story_index_page.html"

    class Meta:
        verbose_name = _("story index")

    def stories(self):
        return (
            StoryPage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .prefetch_related("artisans", "tags")
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = self.stories()
        theme = request.GET.get("theme", "")
        workshop = request.GET.get("workshop", "")
        if theme:
            stories = stories.filter(tags__slug=theme)
        if workshop.isdigit():
            stories = stories.filter(artisans__workshop_id=int(workshop)).distinct()
        context["stories"] = Paginator(stories, STORIES_PER_PAGE).get_page(request.GET.get("page"))
        context["themes"] = StoryTag.tags_for(StoryPage).order_by("name")
        context["workshops"] = Workshop.objects.filter(artisans__isnull=False).distinct()
        context["current_theme"] = theme
        context["current_workshop"] = workshop
        return context


class StoryPage(Page):
    """A story about an artisan or a workshop, ending with what they made."""

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
        ArtisanPage,
        verbose_name=_("artisans featured"),
        blank=True,
        related_name="stories",
        help_text=_("The people this story is about."),
    )
    tags = ClusterTaggableManager(verbose_name=_("themes"), through=StoryTag, blank=True)
    body = StreamField(StoryStreamBlock(), verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        FieldPanel("date"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption"), FieldPanel("hero_credit")],
            heading=_("Main image"),
        ),
        FieldPanel("artisans"),
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
        context["related_stories"] = self.related_stories()
        return context

    def related_stories(self, limit=3):
        """Other stories sharing an artisan or a theme, newest first."""
        return (
            StoryPage.objects.live()
            .public()
            .exclude(pk=self.pk)
            .filter(models.Q(artisans__in=self.artisans.all()) | models.Q(tags__in=self.tags.all()))
            .distinct()
            .select_related("hero_image")
            .order_by("-date")[:limit]
        )
