"""The page cache across processes: two gunicorns sharing one Redis, as deployed.

Each invalidation rule is checked the same way: a page is read twice from the second
server (the second answer comes from the cache), something changes through the other
processes (a `manage.py shell` on the same settings, as an editor's or a sale's request
would), and the second server's next answer is fresh and shows the change.
"""

import json
import textwrap

import pytest

from tests.servers import (
    RedisServer,
    Visitor,
    app_servers,
    manage,
    needs_redis_server,
    prepare_site,
    production_environment,
    soup,
)

pytestmark = [pytest.mark.servers]

STORY = "une-journee-a-l-atelier-du-baobab"
ARTISAN = "ibrahima-sarr"
HIT = "hit"


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    needs_redis_server()
    folder = tmp_path_factory.mktemp("page-cache")
    cache_server = RedisServer(folder).start()
    env = production_environment(folder, REDIS_URL=cache_server.url, SHOP_POSTS_PER_MINUTE=10000)
    try:
        prepare_site(env)
        with app_servers(2, env, folder, workers=1, timeout=60) as servers:
            yield env, servers
    finally:
        cache_server.stop()


def run(env, code):
    """Python run in a `manage.py shell` of the servers' site; what it prints, as JSON."""
    return json.loads(manage(env, "shell", "-c", textwrap.dedent(code)).strip().splitlines()[-1])


def addresses(env):
    return run(
        env,
        f"""
        import json
        from shop.models import ProductPage
        from stories.models import ArtisanPage, StoryPage
        product = ProductPage.objects.live().filter(
            locale__language_code="fr", stock__gt=1).order_by("path").first()
        english = product.get_translation_or_none(
            __import__("wagtail.models").models.Locale.objects.get(language_code="en"))
        print(json.dumps({{
            "product": product.url, "product_id": product.pk,
            "english_product": english.url if english and english.live else None,
            "english_product_id": english.pk if english else None,
            "story": StoryPage.objects.get(slug="{STORY}", locale__language_code="fr").url,
            "artisan": ArtisanPage.objects.get(slug="{ARTISAN}",
                locale__language_code="fr").url,
        }}))
        """,
    )


@pytest.fixture(scope="module")
def pages(deployment):
    env, _servers = deployment
    return addresses(env)


def cached(server, path):
    """A page read twice from `server` by a new visitor: the second answer, from the cache."""
    reader = Visitor(server.url)
    reader.get(path)
    answer = reader.get(path)
    assert answer.status_code == 200, path
    assert answer.headers["X-Page-Cache"] == HIT, path
    return answer


def buy_form(answer, product_id):
    """The add-to-cart form of that product on the page, or None."""
    field = soup(answer).select_one(f"form.add-to-cart [name=product][value='{product_id}']")
    return field.find_parent("form") if field else None


def retitle(env, product_id, title):
    """A product renamed and published, as an editor does (in that page's language)."""
    run(
        env,
        f"""
        from shop.models import ProductPage
        page = ProductPage.objects.get(pk={product_id})
        page.title = {title!r}
        page.save_revision().publish()
        print("1")
        """,
    )


def read_again(server, path):
    return Visitor(server.url).get(path)


def test_a_published_change_is_shown_by_the_other_server(deployment, pages):
    env, (_first, second) = deployment
    cached(second, pages["product"])
    retitle(env, pages["product_id"], "Panier renommé pour le test")
    answer = read_again(second, pages["product"])
    assert answer.headers["X-Page-Cache"] != HIT
    assert "Panier renommé pour le test" in answer.text


def test_an_unpublished_story_is_gone_from_the_other_server(deployment):
    env, (_first, second) = deployment
    url = run(
        env,
        """
        import json
        from stories.models import StoryPage
        story = StoryPage.objects.live().filter(locale__language_code="fr").exclude(
            slug="une-journee-a-l-atelier-du-baobab").order_by("path").last()
        print(json.dumps(story.url))
        """,
    )
    cached(second, url)
    run(
        env,
        f"""
        from wagtail.models import Page
        Page.objects.get(url_path__endswith="{url.removeprefix("/fr")}").unpublish()
        print("1")
        """,
    )
    assert read_again(second, url).status_code == 404


def test_a_stock_change_is_shown_by_the_other_server(deployment, pages):
    env, (_first, second) = deployment
    assert buy_form(cached(second, pages["product"]), pages["product_id"]) is not None
    run(
        env,
        f"""
        from shop.models import ProductPage
        from shop.stock import adjust_stock
        product = ProductPage.objects.get(pk={pages["product_id"]})
        adjust_stock(product, 0, expected=product.stock)
        print("1")
        """,
    )
    answer = read_again(second, pages["product"])
    assert answer.headers["X-Page-Cache"] != HIT
    assert buy_form(answer, pages["product_id"]) is None  # sold: nothing to add any more
    run(
        env,
        f"""
        from shop.models import ProductPage
        from shop.stock import adjust_stock
        adjust_stock(ProductPage.objects.get(pk={pages["product_id"]}), 5, expected=0)
        print("1")
        """,
    )


def test_a_markup_change_is_shown_by_the_other_server(deployment, pages):
    env, (_first, second) = deployment
    price = soup(cached(second, pages["product"])).select_one(".price")
    run(
        env,
        """
        from shop.models import ShopSettings
        from wagtail.models import Site
        settings = ShopSettings.for_site(Site.objects.get(is_default_site=True))
        settings.markup_rate = settings.markup_rate + 50
        settings.save()
        print("1")
        """,
    )
    answer = read_again(second, pages["product"])
    assert answer.headers["X-Page-Cache"] != HIT
    assert soup(answer).select_one(".price").get_text() != price.get_text()


def test_a_consent_withdrawal_stops_the_cached_story_naming_the_person(deployment, pages):
    env, (_first, second) = deployment
    assert "Ibrahima Sarr" in cached(second, pages["story"]).text
    assert "Ibrahima Sarr" in cached(second, pages["artisan"]).text
    run(
        env,
        f"""
        from django.utils import timezone
        from stories.consent import save_record
        from stories.models import ArtisanPage, ArtisanRecord
        artisan = ArtisanPage.objects.get(slug="{ARTISAN}", locale__language_code="fr")
        record = ArtisanRecord.objects.get(artisan=artisan)
        record.consent_withdrawn_on = timezone.localdate()
        save_record(record, user=None)
        print("1")
        """,
    )
    for path in (pages["story"], pages["artisan"]):
        answer = read_again(second, path)
        assert "Ibrahima Sarr" not in answer.text, path
        assert answer.headers.get("X-Page-Cache") != HIT, path


def test_a_translation_change_is_shown_by_the_other_server(deployment, pages):
    env, (_first, second) = deployment
    if not pages["english_product"]:
        pytest.skip("the demo product has no published English translation")
    cached(second, pages["english_product"])
    retitle(env, pages["english_product_id"], "Basket renamed for the test")
    answer = read_again(second, pages["english_product"])
    assert answer.headers["X-Page-Cache"] != HIT
    assert "Basket renamed for the test" in answer.text


def test_two_visitors_of_a_cached_page_get_their_own_tokens_and_both_can_buy(deployment, pages):
    env, (first, second) = deployment
    cached(second, pages["product"])
    run(
        env,
        f"""
        from shop.models import ProductPage
        from shop.stock import adjust_stock
        product = ProductPage.objects.get(pk={pages["product_id"]})
        if product.stock < 5:
            adjust_stock(product, 5, expected=product.stock)
        print("1")
        """,
    )
    cached(second, pages["product"])
    tokens = []
    for visitor in (Visitor(second.url), Visitor(second.url)):
        answer = visitor.get(pages["product"])
        assert answer.headers["X-Page-Cache"] == HIT
        form = buy_form(answer, pages["product_id"])
        token = form.select_one("[name=csrfmiddlewaretoken]")["value"]
        tokens.append(token)
        added = visitor.post(
            form["action"],
            {"csrfmiddlewaretoken": token, "product": pages["product_id"], "quantity": 1},
        )
        assert added.status_code == 302, added.text[:500]
        # With a cart, the visitor's pages are theirs: never from the shared cache.
        assert visitor.get(pages["product"]).headers["X-Page-Cache"] == "bypass"
    assert tokens[0] != tokens[1]
    assert "__page_cache_csrf_token__" not in "".join(tokens)
