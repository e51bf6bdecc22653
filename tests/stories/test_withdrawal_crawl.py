"""After a withdrawal or an expiry, no public surface of the demo names the person any more.

Each test crawls everything a visitor, a search engine or a shopper can read, in both
languages: every live page, the story index's filters and pages, the RSS and Atom feeds,
the sitemap, the search results and suggestions for each of the person's names, the JSON-LD
inside pages, image addresses and alternative texts, the order page of an order holding
their piece and the e-mail sent about it afterwards. The name is counted before (it must
be found: the demo's products say who made them, so the crawl can fail) and after (never).
"""

import json
import re
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse

from shop.emails import order_confirmation, order_page_url
from shop.models import ProductPage, ShopSettings
from stories import privacy
from stories.consent import expire_consents
from tests.sales import place

from .conftest import TODAY, public_urls, record_form_data, record_of

pytestmark = pytest.mark.django_db

LANGUAGES = ("fr", "en")


@dataclass
class Crawl:
    """What one crawl read, and where it found the names."""

    names: list
    surfaces: int = 0
    found: dict = field(default_factory=dict)
    json_ld: int = 0
    images: int = 0

    @property
    def total(self):
        return sum(self.found.values())

    def read(self, where, text):
        """Count the names in one surface's text (accents and case set aside)."""
        self.surfaces += 1
        normalised = privacy.normalise(text)
        count = sum(
            len(re.findall(rf"(?<!\w){re.escape(privacy.normalise(name))}(?!\w)", normalised))
            for name in self.names
        )
        if count:
            self.found[where] = self.found.get(where, 0) + count

    def summary(self):
        return (
            f"{self.surfaces} surfaces ({self.json_ld} JSON-LD blocks, {self.images} images), "
            f"names found {self.total} times"
        )


def read_page(crawl, url, response):
    """A page, its JSON-LD and its images' addresses and alternative texts."""
    content = response.content.decode()
    crawl.read(url, content)
    if not response["Content-Type"].startswith("text/html"):
        return
    html = BeautifulSoup(content, "html.parser")
    for script in html.select('script[type="application/ld+json"]'):
        crawl.json_ld += 1
        crawl.read(f"{url} JSON-LD", json.dumps(json.loads(script.string), ensure_ascii=False))
    for image in html.select("img"):
        crawl.images += 1
        # An address spells a name with hyphens or underscores: read them as spaces.
        address = re.sub(r"[-_./]", " ", f"{image.get('src', '')} {image.get('srcset', '')}")
        crawl.read(f"{url} image", f"{address} {image.get('alt', '')}")


def crawl_site(client, names, order):
    """Read every public surface (see the module docstring) and count the names."""
    crawl = Crawl(names)
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        read_page(crawl, url, response)
    words = {word for name in names for word in name.split()} | set(names)
    for language in LANGUAGES:
        search_url = f"/{language}/search/"
        for query in sorted(words):
            # Only the results: the page repeats the visitor's own query above them.
            html = BeautifulSoup(client.get(search_url, {"q": query}).content, "html.parser")
            results = " ".join(item.get_text(" ") for item in html.select("li.search-result"))
            crawl.read(f"{search_url}?q={query}", results)
            found = client.get(f"{search_url}suggestions/", {"q": query}).json()["suggestions"]
            crawl.read(f"{search_url}suggestions/?q={query}", json.dumps(found, ensure_ascii=False))
    order_url = order_page_url(order).split("://", 1)[1].split("/", 1)[1]
    read_page(crawl, f"order {order.reference}", client.get(f"/{order_url}"))
    mail.outbox.clear()
    order_confirmation(order)
    for message in mail.outbox:
        crawl.read("order e-mail", f"{message.body} {message.alternatives[0][0]}")
    return crawl


def order_of_their_piece(legal_name):
    """A paid-by-cash order of one of the person's products, as a shopper placed it."""
    artisan = record_of(legal_name).artisan
    product = ProductPage.objects.live().filter(artisan=artisan, stock__gt=0).first()
    return place(ShopSettings.objects.first(), [(product, 1)], pickup=True)


def names_of(legal_name):
    """Everything the site may no longer show once the person withdraws."""
    record = record_of(legal_name)
    return list(dict.fromkeys([record.legal_name, record.public_name, *legal_name.split()]))


def test_after_a_withdrawal_no_public_surface_names_the_person(
    client,
    admin_client,
    warm_renditions,
    keep_portrait_files,
    django_capture_on_commit_callbacks,
    capsys,
):
    names = names_of("Ibrahima Sarr")
    order = order_of_their_piece("Ibrahima Sarr")
    visitor = type(client)()
    before = crawl_site(visitor, names, order)
    assert before.total > 0
    record = record_of("Ibrahima Sarr")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailsnippets_stories_artisanrecord:edit", args=[record.pk]),
            record_form_data(record, consent_withdrawn_on=TODAY.isoformat()),
        )
    assert response.status_code == 302
    after = crawl_site(type(client)(), names, order)
    with capsys.disabled():
        print(f"\nWithdrawal of {names[0]}: before {before.summary()}; after {after.summary()}")
    assert after.found == {}


def test_after_an_expiry_no_public_surface_names_the_person(
    client, warm_renditions, keep_portrait_files, django_capture_on_commit_callbacks, capsys
):
    names = names_of("Fatou Diatta")
    order = order_of_their_piece("Fatou Diatta")
    before = crawl_site(client, names, order)
    assert before.total > 0
    lapsed_on = record_of("Fatou Diatta").consent_valid_until + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        expire_consents(on=lapsed_on)
    after = crawl_site(type(client)(), names, order)
    with capsys.disabled():
        print(f"\nExpiry of {names[0]}: before {before.summary()}; after {after.summary()}")
    assert after.found == {}
