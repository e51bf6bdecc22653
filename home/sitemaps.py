"""The sitemap lists every published page in every language.

Wagtail's own lists the pages under the site's root page only; a translated site
has one root per language (the English home page is the French one's sibling).
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from shop.addresses import page_url


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

    def _urls(self, page, protocol, domain):
        """Each page at the address the sitemap was asked on (the public host behind the proxy)."""
        urls = []
        for item in self.paginator.page(page).object_list.iterator():
            urls.append(
                {
                    "item": item,
                    "location": page_url(item, self.request),
                    "lastmod": self.lastmod(item),
                }
            )
        last_mods = {url["lastmod"] for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
