"""The impact page: live figures, accessible charts, periods, CSV files and privacy."""

import csv
import io
import re

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from impact import charts, figures
from impact.blocks import ImpactFiguresBlock
from impact.models import ImpactPage, ImpactSettings, Partner
from shop import pricing
from shop.models import ShopSettings
from tests import sales as hand

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def rows_of(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode()[1:])))


def money(amount):
    return pricing.format_money(amount, hand.CURRENCY)


def test_the_page_shows_live_figures_for_all_time_this_year_and_the_period(
    client, impact_page, sales
):
    html = soup(client.get(impact_page.url))
    table = html.select_one(".impact-figures table")
    rows = {
        row.th.get_text(strip=True): [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in table.tbody.find_all("tr")
    }
    headers = [cell.get_text(strip=True) for cell in table.thead.find_all("th")]
    assert headers[:2] == ["Depuis le début", "Cette année"]
    # The block's last 12 months are a third column, except in December (they are this year).
    assert len(headers) == (2 if figures.last_months(12) == figures.this_year() else 3)
    # Every order of `sales` was paid this month: the columns agree.
    columns = len(headers)
    assert rows["Versé aux artisans"] == [money(88_361)] * columns
    assert rows["Pièces vendues"] == ["6"] * columns
    assert rows["Artisans rémunérés au moins une fois"] == ["3"] * columns
    assert rows["Commandes"] == ["3"] * columns
    assert rows["Marge perçue, qui a couvert les frais de la boutique"] == [money(8_837)] * columns
    assert rows["Versé en moyenne par artisan"] == [money(29_454)] * columns


def figure_headers(response):
    table = soup(response).select_one(".impact-figures table")
    return [cell.get_text(strip=True) for cell in table.thead.find_all("th")]


def test_no_two_columns_of_the_figures_cover_the_same_months(client, impact_page):
    this_year = figures.this_year()
    chosen = {"start": f"{this_year.first:%Y-%m}", "end": f"{this_year.last:%Y-%m}"}
    assert figure_headers(client.get(impact_page.url, chosen)) == ["Depuis le début", "Cette année"]
    first = figures.ledger(ShopSettings.objects.get().currency).first_month()
    everything = {"start": f"{first:%Y-%m}"}
    assert figure_headers(client.get(impact_page.url, everything)) == [
        "Depuis le début",
        "Cette année",
    ]
    earlier = {
        "start": f"{figures.add_months(this_year.first, -1):%Y-%m}",
        "end": f"{figures.add_months(this_year.first, -1):%Y-%m}",
    }
    assert len(figure_headers(client.get(impact_page.url, earlier))) == 3


def test_charts_are_svg_with_title_description_and_a_data_table(client, impact_page):
    html = soup(client.get(impact_page.url))
    charts = html.select("svg[role=img]")
    # Each chart is drawn for wide screens and for phones.
    assert (
        len(html.select("svg.chart__svg--wide")) == len(html.select("svg.chart__svg--phone")) == 3
    )
    assert len(charts) == 6
    for chart in charts:
        title_id, desc_id = chart["aria-labelledby"].split()
        assert chart.find("title", id=title_id).get_text(strip=True)
        assert chart.find("desc", id=desc_id).get_text(strip=True)
        table = chart.find_parent("section").select_one("details table")
        assert table.caption and table.find("th", scope="col")
    ids = [tag["id"] for tag in html.select("[id]")]
    assert len(ids) == len(set(ids))


def test_the_page_needs_no_script_and_no_inline_style(client, impact_page):
    response = client.get(impact_page.url)
    html = soup(response)
    assert not html.select("main script")
    assert not html.select("[style]")
    assert "style-src 'self'" in response["Content-Security-Policy"]
    # Numbers in SVG attributes use a dot whatever the language (« 12,5 » is no number).
    for rect in html.select("svg rect"):
        assert re.fullmatch(r"-?\d+(\.\d+)?", rect["width"]), rect


def monthly_chart(html):
    return html.find("h2", string="Versé aux artisans, mois par mois").find_parent("section")


def test_the_monthly_chart_has_a_bar_and_a_table_row_per_month(client, impact_page):
    section = monthly_chart(soup(client.get(impact_page.url)))
    months = section.select("details tbody tr")
    for variant in ("wide", "phone"):
        bars = section.select(f"svg.chart__svg--{variant} rect")
        assert len(months) == len(bars) == 12  # the block's preset: the last 12 months


def test_a_reader_picks_a_period(client, impact_page):
    book = figures.ledger(ShopSettings.objects.get().currency)
    response = client.get(impact_page.url, {"start": "2026-01", "end": "2026-03"})
    assert response.status_code == 200
    html = soup(response)
    months = monthly_chart(html).select("details tbody tr")
    assert [row.th.get_text(strip=True) for row in months] == [
        "janvier 2026",
        "février 2026",
        "mars 2026",
    ]
    expected = book.figures(figures.MonthRange(*_months("2026-01", "2026-03")))
    last_column = html.select_one(".impact-figures tbody tr").find_all("td")[-1]
    assert last_column.get_text(strip=True) == pricing.format_money(
        expected.paid_to_artisans, "XOF"
    )
    assert "de janvier 2026 à mars 2026" in html.get_text()


def _months(first, last):
    from impact.reading import parse_month

    return parse_month(first), parse_month(last)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"start": "2026-13"}, "n'est pas un mois valide"),
        ({"start": "mars"}, "n'est pas un mois valide"),
        ({"start": "1999-12"}, "n'est pas un mois valide"),
        ({"start": "2026-05", "end": "2026-02"}, "Le premier mois doit précéder le dernier"),
        ({"end": "2999-01"}, "n'a pas encore commencé"),
        ({"start": "x" * 5000}, "au plus 20 caractères"),
    ],
)
def test_a_period_that_makes_no_sense_is_a_400_with_a_message(client, impact_page, params, message):
    response = client.get(impact_page.url, params)
    assert response.status_code == 400
    alert = soup(response).select_one("[role=alert]").get_text(" ", strip=True)
    assert message in alert
    csv_response = client.get(impact_page.url + "csv/monthly/", params)
    assert csv_response.status_code == 400


def test_the_period_form_works_without_javascript(client, impact_page):
    form = soup(client.get(impact_page.url)).select_one("form.impact-period__form")
    assert form["method"] == "get"
    for name in ("start", "end"):
        select = form.select_one(f"select[name={name}]")
        assert form.select_one(f"label[for={select['id']}]")


def test_the_monthly_csv_matches_the_figures(client, impact_page):
    currency = ShopSettings.objects.get().currency
    rows = rows_of(client.get(impact_page.url + "csv/monthly/"))
    book = figures.ledger(currency)
    assert sum(int(row["Versé aux artisans (unités mineures)"]) for row in rows) == (
        book.figures().paid_to_artisans
    )
    assert sum(int(row["Commandes"]) for row in rows) == book.figures().orders
    assert rows[0]["Mois"] == f"{book.first_month():%Y-%m}"
    chosen = rows_of(client.get(impact_page.url + "csv/monthly/", {"start": "2026-02"}))
    assert chosen[0]["Mois"] == "2026-02"


def test_small_workshops_are_merged_on_the_page_and_in_the_csv(client, impact_page):
    # In the demo, Baobab and Kassoumay have three artisans each; the Fleuve and
    # Jàng ak Liggéey workshops two each, so they are counted together.
    rows = rows_of(client.get(impact_page.url + "csv/workshops/"))
    names = [row["Atelier"] for row in rows]
    assert names[-1] == "Autres ateliers"
    assert rows[-1]["Ateliers comptés"] == "Atelier du Fleuve ; Centre de formation Jàng ak Liggéey"
    assert "Atelier du Fleuve" not in names
    assert all(int(row["Artisans rémunérés"]) >= 3 for row in rows)
    html = soup(client.get(impact_page.url))
    chart = html.find("h2", string="Pièces vendues par atelier").find_parent("section")
    merged = "Autres ateliers : Atelier du Fleuve, Centre de formation Jàng ak Liggéey"
    for variant in ("wide", "phone"):
        # On a phone the long label goes on two lines.
        labels = [
            " ".join(text.stripped_strings)
            for text in chart.select(f"svg.chart__svg--{variant} text")
        ]
        assert merged in labels
    table = [row.th.get_text(strip=True) for row in chart.select("details tbody tr")]
    assert "Atelier du Fleuve" not in table


def test_a_new_threshold_shows_at_once(client, impact_page, site):
    settings = ImpactSettings.for_site(site)
    settings.small_group_threshold = 2
    settings.save()
    names = [row["Atelier"] for row in rows_of(client.get(impact_page.url + "csv/workshops/"))]
    assert "Atelier du Fleuve" in names and "Autres ateliers" not in names
    settings.small_group_threshold = 4
    settings.save()
    rows = rows_of(client.get(impact_page.url + "csv/workshops/"))
    assert all(int(row["Artisans rémunérés"]) >= 4 for row in rows)
    assert "moins de 4 artisans" in client.get(impact_page.url).content.decode()


def test_partners_show_only_figures_of_published_groups(client, impact_page):
    html = soup(client.get(impact_page.url))
    partners = {
        item.select_one(".partner__name").get_text(strip=True): item
        for item in html.select(".partner")
    }
    assert set(partners) == set(Partner.objects.values_list("name", flat=True))
    administration = partners["Direction de l'administration pénitentiaire"]
    # It runs Baobab (published alone) and Fleuve (merged with a workshop it does not run).
    assert "Atelier du Baobab" in administration.select_one(".partner__figures").get_text()
    assert "Atelier du Fleuve" in administration.select_one(".partner__note").get_text()
    association = partners["Association Jàng ak Liggéey"]
    assert association.select_one(".partner__figures") is None


def test_the_method_note_says_what_counts(client, impact_page):
    note = soup(client.get(impact_page.url)).select_one(".impact-method").get_text(" ")
    assert "Seules les commandes payées comptent" in note
    assert "moins de 3 artisans" in note
    assert "fuseau horaire de la boutique (Africa/Dakar)" in note


def test_the_home_sentence_shows_what_artisans_were_paid(client, home):
    currency = ShopSettings.objects.get().currency
    totals = figures.ledger(currency).figures()
    sentence = soup(client.get(home.url)).select_one(".impact-sentence").get_text(" ", strip=True)
    assert pricing.format_money(totals.paid_to_artisans, currency) in sentence
    assert f"{totals.artisans} artisans" in sentence
    assert f"{totals.items} pièces vendues" in sentence


def test_no_public_page_or_csv_shows_an_artisans_earnings(client, impact_page, home, sales):
    """Each artisan's earnings, as sums and as text, appear on no public page or file."""
    secret = {str(amount) for amount in hand.BY_ARTISAN}
    secret |= {money(amount) for amount in hand.BY_ARTISAN}
    secret |= {money(amount).replace("\u202f", " ") for amount in hand.BY_ARTISAN}
    public = [
        client.get(home.url),
        client.get(impact_page.url),
        client.get(impact_page.url, {"start": "2026-01"}),
        client.get(impact_page.url + "csv/monthly/"),
        client.get(impact_page.url + "csv/workshops/"),
        client.get("/fr/partenaires/"),
        *(client.get(artisan.url) for artisan in sales.artisans),
    ]
    for response in public:
        assert response.status_code == 200
        text = response.content.decode()
        for amount in secret:
            assert amount not in text, (response.request["PATH_INFO"], amount)


def test_an_editor_presets_chosen_months_in_a_block():
    block = ImpactFiguresBlock()
    value = block.to_python(
        {"heading": "Chiffres", "period": "custom", "first_month": "2026-05-01"}
    )
    with pytest.raises(ValidationError):
        block.clean(value)
    value = block.to_python(
        {
            "heading": "Chiffres",
            "period": "custom",
            "first_month": "2026-05-20",
            "last_month": "2026-02-01",
        }
    )
    with pytest.raises(ValidationError):
        block.clean(value)


def test_a_preset_period_is_what_readers_see_until_they_choose(rf, impact_page):
    from impact.reading import ImpactReading

    value = ImpactFiguresBlock().to_python(
        {
            "heading": "Chiffres",
            "period": "custom",
            "first_month": "2026-02-14",
            "last_month": "2026-04-02",
        }
    )
    request = rf.get(impact_page.url)
    reading = ImpactReading(request)
    period = reading.period(value["period"], value["first_month"], value["last_month"])
    assert period.months == figures.MonthRange(*_months("2026-02", "2026-04"))
    assert period.label == "de février 2026 à avril 2026"
    chosen = ImpactReading(rf.get(impact_page.url, {"start": "2025-10", "end": "2025-10"}))
    assert chosen.period("custom", value["first_month"], value["last_month"]).label == (
        "en octobre 2025"
    )


def test_before_the_first_sale_the_home_sentence_counts_the_catalogue(client, home, site):
    shop_settings = ShopSettings.for_site(site)
    shop_settings.currency = "EUR"  # no order was ever paid in euros
    shop_settings.save()
    sentence = soup(client.get(home.url)).select_one(".impact-sentence").get_text(" ", strip=True)
    assert "artisans de" in sentence and "vendent" in sentence
    page = soup(client.get(ImpactPage.objects.live().get(locale__language_code="fr").url))
    assert "Aucune pièce n'a été vendue" in page.get_text()


def test_the_english_impact_page_shows_the_figures_charts_partners_and_method(client):
    english = ImpactPage.objects.live().get(locale__language_code="en")
    html = soup(client.get(english.url))
    assert html.select_one(".impact-figures table") is not None
    assert len(html.select("svg")) >= 3  # the franc split, monthly and workshop charts
    partners = [name.get_text(strip=True) for name in html.select(".partner__name")]
    assert partners == list(Partner.objects.values_list("name", flat=True))
    note = html.select_one(".impact-method").get_text(" ")
    assert "Only paid orders count" in note
    # The editors' words never contradict the rules the block writes (a refund belongs to
    # its order, in the month the order was paid, not the month of the refund).
    assert "month they happen" not in html.get_text()


@pytest.mark.parametrize("language, address", [("fr", "/fr/partenaires/"), ("en", "/en/partners/")])
def test_the_partners_page_lists_every_partner_and_what_it_does(client, language, address):
    response = client.get(address)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == language
    listed = {
        item.select_one(".partner__name").get_text(strip=True): item.get_text(" ", strip=True)
        for item in html.select(".partner")
    }
    for partner in Partner.objects.all():
        said = partner.description if language == "fr" else partner.description_en
        assert said and said in listed[partner.name]


def test_every_scrolling_table_can_be_reached_and_is_named(client, impact_page):
    wrappers = soup(client.get(impact_page.url)).select(".table-scroll")
    assert len(wrappers) >= 3
    for wrapper in wrappers:
        assert wrapper.get("tabindex") == "0" and wrapper.get("role") == "region"
        assert wrapper.get("aria-label", "").strip()


def test_the_phone_drawing_keeps_labels_readable_and_inside_the_chart():
    points = [(f"m{n}", "2026" if n == 1 else "", n * 100_000, f"mois {n}") for n in range(1, 13)]
    wide = charts.column_chart(points, str)
    phone = charts.phone_column_chart(points, str)
    # Drawn 340 wide and shown about 310 px wide on a 360 px screen: 14 × 310 / 340 ≥ 12.
    assert phone.width == charts.PHONE_WIDTH and phone.font_size * 310 / phone.width >= 12
    assert wide.font_size * 310 / wide.width < 12  # what the phone drawing is for
    # Fewer month labels, so they do not run into each other.
    assert (
        len([c for c in phone.columns if c.label]) <= 4 < len([c for c in wide.columns if c.label])
    )
    assert all(column.x + column.width <= phone.plot_right for column in phone.columns)
    rows = charts.phone_bar_rows(
        [("Autres ateliers : " + "Atelier du Fleuve, " * 3, 5, "5 pièces")]
    )
    (row,) = rows.rows
    assert len(row.label_lines) > 1
    longest = max(len(line) for line, _y in row.label_lines)
    assert longest * rows.label_size * 0.55 <= rows.width
    assert row.bar_y > row.label_lines[-1][1] and rows.height > 54
