"""Artisans' earnings: what each is owed, payouts recorded in the admin, printable statements."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from shop import earnings, pricing
from shop.models import ArtisanPayout, OrderLine, PayoutMethod
from stories.models import ArtisanPage
from tests import sales as hand

pytestmark = pytest.mark.django_db

PAYOUTS = "wagtailsnippets_shop_artisanpayout"


def this_year():
    today = timezone.localdate()
    return earnings.DateRange(date(today.year, 1, 1), today)


def money(amount):
    return pricing.format_money(amount, hand.CURRENCY)


def pay(sales, artisan, amount, paid_on=None):
    return ArtisanPayout.objects.create(
        artisan=artisan,
        amount=amount,
        currency=hand.CURRENCY,
        method=PayoutMethod.MOBILE_MONEY,
        paid_on=paid_on or timezone.localdate(),
        recorded_by=sales.manager,
    )


def test_each_artisan_is_owed_their_share_of_counted_sales(sales):
    accounts = {account.artisan_id: account for account in earnings.earnings("XAF", this_year())}
    owed = {artisan.pk: accounts[artisan.pk].owed for artisan in sales.artisans}
    assert list(owed.values()) == list(hand.BY_ARTISAN)
    items = [accounts[artisan.pk].items for artisan in sales.artisans]
    assert items == [2, 2, 2]
    assert sum(account.owed for account in accounts.values()) == hand.PAID_TO_ARTISANS


def test_payouts_bring_the_balance_down_and_carry_forward(sales):
    artisan = sales.artisans[1]  # owed 45 141
    pay(sales, artisan, 15_000, paid_on=timezone.localdate() - timedelta(days=400))
    pay(sales, artisan, 20_000)
    accounts = {account.artisan_id: account for account in earnings.earnings("XAF", this_year())}
    account = accounts[artisan.pk]
    # Paid 15 000 before the period with nothing owed yet: 15 000 in advance.
    assert account.brought_forward == -15_000
    assert (account.owed, account.paid_out) == (45_141, 20_000)
    assert account.balance == 45_141 - 20_000 - 15_000


def test_the_statement_lists_sales_refunds_and_payouts(sales, admin_client):
    artisan = sales.artisans[2]  # D's 12 345, then G's 12 345 less 1 470
    pay(sales, artisan, 10_000)
    statement = earnings.statement(artisan, "XAF", this_year())
    assert [(sale.reference, sale.refunded, sale.owed) for sale in statement.sales] == [
        (sales.orders["D"].reference, 0, 12_345),
        (sales.orders["G"].reference, 1_470, 10_875),
    ]
    assert (statement.owed, statement.paid_out, statement.balance) == (23_220, 10_000, 13_220)
    response = admin_client.get(reverse("shop_earnings_statement", args=[artisan.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert money(13_220) in text and money(1_470) in text


def test_the_printable_statement_is_french_and_stands_alone(sales, admin_client):
    artisan = sales.artisans[0]
    admin_client.cookies["django_language"] = "en"
    response = admin_client.get(
        reverse("shop_earnings_statement_print", args=[artisan.pk]),
        {"start": "2026-01-01", "end": timezone.localdate().isoformat()},
    )
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == "fr"
    assert html.h1.get_text(strip=True) == "Relevé de gains"
    assert html.select_one(".statement__shop").get_text(strip=True) == "Mains Libres"
    assert artisan.title in html.get_text()
    assert html.select_one("link[rel=stylesheet]")["href"].endswith("css/statement.css")
    assert not html.select("nav, script")  # no admin menu, nothing but the statement
    assert money(20_000) in html.get_text()


def test_a_bad_period_is_a_400_with_the_reason(sales, admin_client):
    response = admin_client.get(
        reverse("shop_earnings"), {"start": "2026-05-01", "end": "2026-01-01"}
    )
    assert response.status_code == 400
    assert "Le début de la période doit précéder sa fin" in response.content.decode()
    response = admin_client.get(reverse("shop_earnings"), {"start": "pas une date"})
    assert response.status_code == 400


def test_the_earnings_list_shows_every_artisan_with_sales(sales, admin_client):
    response = admin_client.get(reverse("shop_earnings"))
    assert response.status_code == 200
    names = [row["name"] for row in response.context["rows"]]
    assert {artisan.title for artisan in sales.artisans} <= set(names)


def test_a_shop_manager_records_a_payout(sales, client, shop_manager):
    client.force_login(shop_manager)
    artisan = sales.artisans[0]
    form = client.get(reverse(f"{PAYOUTS}:add"), {"artisan": artisan.pk})
    assert form.status_code == 200
    response = client.post(
        reverse(f"{PAYOUTS}:add"),
        {
            "artisan": artisan.pk,
            "paid_on": timezone.localdate().strftime("%d/%m/%Y"),
            "amount": 12_500,
            "method": PayoutMethod.CASH,
            "note": "Remis à l'atelier",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    payout = ArtisanPayout.objects.get(note="Remis à l'atelier")
    assert (payout.recorded_by, payout.currency, payout.amount) == (shop_manager, "XAF", 12_500)


def test_a_payout_must_be_a_positive_whole_amount(sales, client, shop_manager):
    client.force_login(shop_manager)
    for amount in ("0", "-5", "12,5", "abc"):
        response = client.post(
            reverse(f"{PAYOUTS}:add"),
            {
                "artisan": sales.artisans[0].pk,
                "paid_on": "01/01/2026",
                "amount": amount,
                "method": "cash",
            },
        )
        assert response.status_code == 200
        assert "amount" in response.context["form"].errors
    assert not ArtisanPayout.objects.filter(currency="XAF").exists()


def test_nobody_deletes_a_payout(sales, admin_client):
    payout = pay(sales, sales.artisans[0], 1_000)
    response = admin_client.post(reverse(f"{PAYOUTS}:delete", args=[payout.pk]))
    assert response.status_code in (302, 403)
    assert ArtisanPayout.objects.filter(pk=payout.pk).exists()


def test_communications_staff_see_neither_earnings_nor_payouts(sales, client, communications_staff):
    client.force_login(communications_staff)
    artisan = sales.artisans[0]
    for url in (
        reverse("shop_earnings"),
        reverse("shop_earnings_statement", args=[artisan.pk]),
        reverse("shop_earnings_statement_print", args=[artisan.pk]),
        reverse(f"{PAYOUTS}:list"),
        reverse(f"{PAYOUTS}:add"),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert money(hand.BY_ARTISAN[0]) not in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client, sales):
    response = client.get(reverse("shop_earnings"))
    assert response.status_code == 302 and "/login/" in response.url


def english_page_of(artisan):
    return artisan.get_translations().get(locale__language_code="en")


def test_sales_and_payouts_naming_the_english_page_count_on_the_artisans_one_account(sales):
    artisan = sales.artisans[1]  # owed 45 141
    english = english_page_of(artisan)
    # A sale made on the English site names the English page of the same artisan.
    line = OrderLine.objects.filter(artisan=artisan, order=sales.orders["C"]).get()
    OrderLine.objects.filter(pk=line.pk).update(artisan=english)
    pay(sales, english, 39_000)
    accounts = {account.artisan_id: account for account in earnings.earnings("XAF", this_year())}
    assert english.pk not in accounts
    account = accounts[artisan.pk]
    assert (account.owed, account.paid_out, account.balance) == (45_141, 39_000, 6_141)
    assert account.name == artisan.title
    statement = earnings.statement(english, "XAF", this_year())
    assert statement.artisan == artisan
    assert (statement.owed, statement.paid_out) == (45_141, 39_000)


def test_the_payout_form_lists_each_artisan_once(sales, admin_client):
    html = BeautifulSoup(admin_client.get(reverse(f"{PAYOUTS}:add")).content, "html.parser")
    options = [o for o in html.select('select[name="artisan"] option') if o["value"]]
    listed = [int(option["value"]) for option in options]
    french = ArtisanPage.objects.filter(locale__language_code="fr")
    assert sorted(listed) == sorted(french.values_list("pk", flat=True))
    titles = [option.get_text(strip=True) for option in options]
    assert titles.count("Khady") == 1


def post_payout(client, artisan, paid_on, amount):
    return client.post(
        reverse(f"{PAYOUTS}:add"),
        {
            "artisan": artisan.pk,
            "paid_on": paid_on.strftime("%d/%m/%Y"),
            "amount": amount,
            "method": PayoutMethod.CASH,
        },
    )


def test_a_payout_naming_the_english_page_is_refused(sales, client, shop_manager):
    client.force_login(shop_manager)
    english = english_page_of(sales.artisans[0])
    response = post_payout(client, english, timezone.localdate(), 39_000)
    assert response.status_code == 200
    assert "artisan" in response.context["form"].errors
    assert not ArtisanPayout.objects.filter(currency="XAF").exists()


def test_a_payout_cannot_be_dated_in_the_future(sales, client, shop_manager):
    client.force_login(shop_manager)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = post_payout(client, sales.artisans[0], tomorrow, 5_000)
    assert response.status_code == 200
    errors = response.context["form"].errors["paid_on"]
    assert "dans le futur" in errors[0]
    assert not ArtisanPayout.objects.filter(currency="XAF").exists()


def test_the_demo_payouts_are_all_in_the_past():
    assert ArtisanPayout.objects.exists()
    assert not ArtisanPayout.objects.filter(paid_on__gt=timezone.localdate()).exists()
