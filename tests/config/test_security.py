"""Security headers on public pages (rate limits: test_rate_limits.py; logins: test_logins.py)."""

import pytest

pytestmark = pytest.mark.django_db


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
