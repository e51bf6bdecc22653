"""Shop POSTs are limited per client address in a sliding window, with the wait announced."""

import pytest
from django.urls import reverse

from config import ratelimit
from shop.models import ProductPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def product(db):
    return ProductPage.objects.live().filter(stock__gte=5).first()


def add_to_cart(client, product, address="203.0.113.5"):
    url = reverse("shop:cart_add")
    return client.post(url, {"product": product.pk, "quantity": 1}, REMOTE_ADDR=address)


def test_shop_posts_beyond_the_limit_get_a_429_page_and_change_nothing(client, settings, product):
    settings.RATE_LIMITS = {"shop": (3, 60)}
    for _ in range(3):
        assert add_to_cart(client, product).status_code == 302
    response = add_to_cart(client, product)
    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()
    assert client.session["cart"][str(product.pk)]["quantity"] == 3


def test_the_429_says_when_the_first_counted_post_leaves_the_window(
    client, settings, product, clock
):
    settings.RATE_LIMITS = {"shop": (3, 60)}
    for _ in range(3):
        add_to_cart(client, product)
        clock.advance(5)
    response = add_to_cart(client, product)
    # The first post was 15 s ago: it leaves the 60 s window (10 s buckets) in 45 to 55 s.
    assert 45 <= int(response["Retry-After"]) <= 55
    assert "1 minute" in response.content.decode()


def test_a_client_may_post_again_once_the_retry_after_has_passed(client, settings, product, clock):
    settings.RATE_LIMITS = {"shop": (3, 60)}
    for _ in range(3):
        add_to_cart(client, product)
    wait = int(add_to_cart(client, product)["Retry-After"])
    clock.advance(wait)
    assert add_to_cart(client, product).status_code == 302


def test_one_flooding_address_does_not_limit_another(client, settings, product):
    settings.RATE_LIMITS = {"shop": (3, 60)}
    for _ in range(10):
        add_to_cart(client, product, address="203.0.113.5")
    assert add_to_cart(client, product, address="198.51.100.7").status_code == 302


def test_reading_pages_is_not_rate_limited(client, settings):
    settings.RATE_LIMITS = {"shop": (1, 60)}
    for _ in range(5):
        assert client.get(reverse("shop:cart")).status_code == 200


def test_a_window_never_lets_much_more_than_its_limit_through_across_a_minute_boundary(clock):
    """130 posts in 60 s across the turn of a minute: a fixed minute let 112 through."""
    clock.advance(-clock() % 60 + 30)  # half a minute before the clock minute turns
    admitted = 0
    for _ in range(130):
        admitted += ratelimit.take("shop", "203.0.113.5", 60, 60) == 0
        clock.advance(60 / 130)
    assert 55 <= admitted <= 60


def test_a_steady_client_under_the_limit_is_never_refused(clock):
    for _ in range(250):  # 50 posts a minute for five minutes, limit 60 a minute
        assert ratelimit.take("shop", "203.0.113.5", 60, 60) == 0
        clock.advance(1.2)
