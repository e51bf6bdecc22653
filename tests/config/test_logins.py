"""Admin logins: attackers are slowed, and nobody can lock out a user who has not failed."""

import math
import re
import time

import pytest
from django.urls import reverse

from config import logins

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.66"
OFFICE = "198.51.100.10"
PASSWORD = "right-password-123"  # noqa: S105


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "e@example.org", PASSWORD)


@pytest.fixture
def throttles(settings):
    settings.LOGIN_THROTTLES = {
        "account_address": (3, 900),
        "address": (6, 900),
        "account": (5, 900),
        "global": (8, 60),
    }


def login(client, username, password, address):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def logged_in(client):
    return "_auth_user_id" in client.session


def test_wrong_passwords_from_one_address_lock_that_address_out_of_that_account(
    client, throttles, editor
):
    for _ in range(3):
        assert login(client, "editor", "wrong", ATTACKER).status_code == 200
    response = login(client, "editor", PASSWORD, ATTACKER)
    assert response.status_code == 429
    assert not logged_in(client)


def test_a_lock_out_answers_with_the_time_left(client, throttles, editor):
    started = time.monotonic()
    for _ in range(3):
        login(client, "editor", "wrong", ATTACKER)
    response = login(client, "editor", "wrong", ATTACKER)
    # The 15-minute window slides in buckets of a sixth of it (`config.ratelimit`): the
    # failures leave it between 12.5 and 17.5 minutes after they were made.
    elapsed = math.ceil(time.monotonic() - started)
    seconds_left = int(response["Retry-After"])
    assert 750 - elapsed <= seconds_left <= 1050
    page = response.content.decode()
    assert f"{math.ceil(seconds_left / 60)} minutes" in re.sub(r"\s+", " ", page)


def test_an_account_under_attack_still_opens_from_an_address_that_never_failed(
    client, throttles, editor
):
    for number in range(12):  # many addresses, one guess each: the account is under attack
        login(client, "editor", "wrong", f"203.0.113.{number}")
    assert login(client, "editor", "wrong", "203.0.113.1").status_code == 429
    assert login(client, "editor", PASSWORD, OFFICE).status_code == 302
    assert logged_in(client)


def test_spraying_one_password_over_many_usernames_locks_the_sprayer(client, throttles):
    for number in range(6):
        assert login(client, f"user{number}", "Summer2026", ATTACKER).status_code == 200
    assert login(client, "someone-new", "Summer2026", ATTACKER).status_code == 429


def test_past_the_site_wide_ceiling_only_addresses_that_failed_are_refused(
    client, throttles, editor
):
    for number in range(8):
        login(client, f"user{number}", "wrong", f"203.0.113.{number}")
    assert login(client, "anyone", "wrong", "203.0.113.3").status_code == 429
    assert login(client, "editor", PASSWORD, OFFICE).status_code == 302


def test_failures_for_one_username_do_not_lock_out_another(client, throttles, django_user_model):
    django_user_model.objects.create_superuser("other", "o@example.org", PASSWORD)
    for _ in range(3):
        login(client, "admin", "wrong", ATTACKER)
    assert login(client, "other", PASSWORD, ATTACKER).status_code == 302


def test_a_successful_login_forgets_the_failures_of_its_address(client, throttles, editor):
    for _ in range(2):
        login(client, "editor", "wrong", OFFICE)
    assert login(client, "editor", PASSWORD, OFFICE).status_code == 302
    client.logout()
    for _ in range(2):
        login(client, "editor", "wrong", OFFICE)
    assert login(client, "editor", PASSWORD, OFFICE).status_code == 302


def test_staff_see_the_lock_outs_in_the_admin(admin_client, throttles):
    for _ in range(3):
        logins.record_failure(ATTACKER, "editor")
    page = admin_client.get(reverse("config_login_lockouts")).content.decode()
    assert ATTACKER in page and "editor" in page
    assert "Déverrouiller" in page


def test_staff_unlocking_lets_the_address_log_in_again(admin_client, client, throttles, editor):
    for _ in range(3):
        login(client, "editor", "wrong", ATTACKER)
    (lockout,) = [entry for entry in logins.lockouts() if entry["kind"] == logins.PAIR]
    response = admin_client.post(reverse("config_login_lockouts"), {"lockout": lockout["id"]})
    assert response.status_code == 302
    assert login(client, "editor", PASSWORD, ATTACKER).status_code == 302


def test_unlocking_a_lock_out_that_ended_says_so(admin_client):
    response = admin_client.post(
        reverse("config_login_lockouts"), {"lockout": "account|nobody"}, follow=True
    )
    assert response.status_code == 200
    assert logins.lockouts() == []


def test_editors_without_the_users_permission_cannot_see_the_lock_outs(client, django_user_model):
    client.force_login(django_user_model.objects.get(username="communication"))
    response = client.get(reverse("config_login_lockouts"))
    # Wagtail turns the refusal into a redirect to the dashboard with its message.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
