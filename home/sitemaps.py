"""The sitemap lists every published page in every language.

Wagtail's own lists the pages under the site's root page only; a translated site
has one root per language (the English home page is the French one's sibling).
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLanguagesSitemap(Sitemap):
    """Published, public pages under the site's home page and each of its translations."""

    def items(self):
        homes = Page.objects.translation_of(self.get_wagtail_site().root_page, inclusive=True)
        under_a_home = Q()
        for home in homes:
            under_a_home |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(under_a_home)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
