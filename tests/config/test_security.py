"""Security headers on public pages, rate limits on the shop, throttled admin logins."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from shop.models import ProductPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


def test_public_pages_send_a_strict_content_security_policy(client, home):
    response = client.get(home.url)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_public_pages_have_no_inline_script_or_style(client, home):
    html = client.get(home.url).content.decode()
    assert "<script>" not in html and '<script type="text/javascript">' not in html
    assert " style=" not in html


def test_admin_is_left_to_wagtail(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


def test_a_page_previewed_in_the_admin_may_be_framed_by_the_admin_only(home):
    response = home.make_preview_request()
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_shop_posts_beyond_the_limit_get_a_429_page_and_change_nothing(client, settings):
    settings.RATE_LIMITS = {"shop": (3, 60)}
    product = ProductPage.objects.live().filter(stock__gte=5).first()
    url = reverse("shop:cart_add")
    for _ in range(3):
        assert client.post(url, {"product": product.pk, "quantity": 1}).status_code == 302
    response = client.post(url, {"product": product.pk, "quantity": 1})
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "Trop de tentatives" in response.content.decode()
    assert client.session["cart"][str(product.pk)]["quantity"] == 3


def test_reading_pages_is_not_rate_limited(client, settings, home):
    settings.RATE_LIMITS = {"shop": (1, 60)}
    for _ in range(5):
        assert client.get(reverse("shop:cart")).status_code == 200


def test_admin_login_is_throttled_after_repeated_failures(client, settings):
    settings.ADMIN_LOGIN_THROTTLE = (3, 900)
    url = reverse("wagtailadmin_login")
    for _ in range(3):
        response = client.post(url, {"username": "admin", "password": "wrong"})
        assert response.status_code == 200  # the login form again, with its error
    response = client.post(url, {"username": "admin", "password": "still wrong"})
    assert response.status_code == 429
    assert response["Retry-After"] == "900"


def test_throttled_login_refuses_even_the_right_password_until_the_window_ends(
    client, settings, django_user_model
):
    settings.ADMIN_LOGIN_THROTTLE = (2, 900)
    user = django_user_model.objects.create_superuser(
        "editor", "e@example.org", "right-password-123"
    )
    url = reverse("wagtailadmin_login")
    for _ in range(2):
        client.post(url, {"username": "editor", "password": "wrong"})
    response = client.post(url, {"username": "editor", "password": "right-password-123"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert user.pk


def test_failures_for_one_username_do_not_lock_out_another(client, settings, django_user_model):
    settings.ADMIN_LOGIN_THROTTLE = (2, 900)
    django_user_model.objects.create_superuser("other", "o@example.org", "right-password-123")
    url = reverse("wagtailadmin_login")
    for _ in range(3):
        client.post(url, {"username": "admin", "password": "wrong"})
    response = client.post(url, {"username": "other", "password": "right-password-123"})
    assert response.status_code == 302
