"""RSS and Atom feeds of a story index: the newest published stories, filters included."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import strip_tags
from wagtail.models import Site

from shop.addresses import page_url

# The newest stories a feed lists.
STORIES_IN_FEED = 20


class StoryFeed(Feed):
    """The newest stories of one index, narrowed by `?theme=` and `?workshop=` like the page."""

    def __init__(self, index, atom=False):
        super().__init__()
        self.index = index
        self.feed_type = Atom1Feed if atom else Rss201rev2Feed

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.language = self.index.locale.language_code
        return self.index

    def title(self, index):
        site = Site.find_for_request(self.request)
        return f"{index.title} · {site.site_name}" if site and site.site_name else index.title

    def link(self, index):
        return page_url(index, self.request)

    def description(self, index):
        return strip_tags(index.intro).strip() or index.title

    def items(self, index):
        stories, _chosen = index.filtered_stories(self.request)
        return stories.prefetch_related(None).prefetch_related("tags")[:STORIES_IN_FEED]

    def item_title(self, story):
        return story.title

    def item_description(self, story):
        return story.standfirst

    def item_link(self, story):
        return page_url(story, self.request)

    def item_pubdate(self, story):
        # A story has a date, not a time: midnight, in the site's time zone.
        return timezone.make_aware(datetime.combine(story.date, time.min))

    def item_updateddate(self, story):
        return story.last_published_at

    def item_categories(self, story):
        return [tag.name for tag in story.tags.all()]
