"""The public pages on a 360 px phone: what a shopper needs first shows first, every target
is big enough for a thumb, tables read as labelled lines, and the menu and the gallery work
without JavaScript."""

import re

import pytest
from django.urls import reverse

from home.models import HomePage
from impact.models import ImpactPage
from shop.models import ProductPage
from stories.models import StoryPage

from .targets import small_targets

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PHONE = {"width": 360, "height": 640}
FINGER = 44
FRENCH = {"locale__language_code": "fr"}

# Headings that skip a level going down (h1 then h3), in the order of the page.
HEADING_JUMPS_SCRIPT = """() => {
    let previous = 0;
    return [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].flatMap((heading) => {
        const level = Number(heading.tagName[1]);
        const jump = previous && level > previous + 1;
        previous = level;
        return jump ? [`h${level} « ${heading.textContent.trim().slice(0, 40)} »`] : [];
    });
}"""

# Cells of a table's body whose column label is not shown beside their value; `lines`
# tells, per line, whether its thumbnail is drawn and which maker it names.
TABLE_SCRIPT = """(table) => {
    const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
    const unlabelled = [];
    for (const row of table.querySelectorAll("tbody tr")) {
        [...row.cells].forEach((cell, index) => {
            const label = headers[index];
            const shown = getComputedStyle(cell, "::before").content;
            const ok = label && (shown === `"${label}"` ||
                (shown === "none" && cell.innerText.trim().startsWith(label)));
            if (!ok) unlabelled.push(`${index}: ${label} / ${shown}`);
        });
    }
    const lines = [...table.querySelectorAll("tbody tr")].map((row) => {
        const picture = row.querySelector("img.line__thumbnail");
        return {
            picture: Boolean(picture && picture.complete && picture.naturalWidth > 0
                             && picture.getBoundingClientRect().width >= 40),
            maker: (row.querySelector(".card__meta") || {}).textContent?.trim() || "",
        };
    });
    return {unlabelled, lines, cells: table.querySelectorAll("tbody td").length};
}"""

# Text drawn in the charts shown, at its rendered size in CSS pixels.
CHART_TEXT_SCRIPT = """() => [...document.querySelectorAll(".chart svg")]
    .filter((svg) => svg.getBoundingClientRect().width > 0)
    .flatMap((svg) => {
        const scale = svg.getScreenCTM().a;
        return [...svg.querySelectorAll("text")].map((text) => ({
            text: text.textContent.trim(),
            size: parseFloat(getComputedStyle(text).fontSize) * scale,
            right: text.getBoundingClientRect().right,
            limit: svg.getBoundingClientRect().right,
        }));
    })"""


def product_in_stock():
    """A French product of which two can be bought: its page shows a quantity field."""
    return (
        ProductPage.objects.live()
        .filter(stock__gt=2, artisan__isnull=False, **FRENCH)
        .select_related("artisan")
        .order_by("pk")
        .first()
    )


def phone(open_page, **options):
    return open_page(viewport=PHONE, is_mobile=True, has_touch=True, **options)


def within_first_screen(locator):
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def test_price_and_buy_button_show_without_scrolling_under_a_low_header(open_page, screenshots):
    product = product_in_stock()
    page = phone(open_page)
    page.goto(product.url)
    screenshots.take(page, "product on a phone")
    header = page.locator("header.site-header").bounding_box()
    assert header["height"] < 120, header
    buy = page.locator("main form.add-to-cart").get_by_role("button", name="Ajouter au panier")
    for part in (page.get_by_role("heading", level=1), page.locator(".product__buy .price"), buy):
        assert part.is_visible() and within_first_screen(part), part
    # The cart stays in sight with its count; search and languages wait in the menu.
    cart = page.locator("header a.cart-link")
    assert cart.is_visible() and within_first_screen(cart)
    assert cart.locator(".cart-link__count").inner_text() == "0"
    assert page.get_by_label("Rechercher sur le site").is_hidden()
    assert page.locator("header .language-switcher").is_hidden()
    # A few words about the maker, by the price.
    bio = page.locator(".product__buy .product__maker-bio")
    assert bio.is_visible() and product.artisan.short_bio in bio.inner_text()

    wide = open_page()
    wide.goto(product.url)
    # At 1280 px the French header is one row: the brand, every menu item, the search,
    # the languages and the cart side by side, no menu button.
    items = wide.locator(
        "header .site-header__brand, header .site-nav a, header input[type=search], "
        "header .language-switcher a, header a.cart-link"
    )
    boxes = [item.bounding_box() for item in items.all()]
    middles = {round(box["y"] + box["height"] / 2) for box in boxes}
    assert max(middles) - min(middles) <= 4, middles
    assert wide.locator("summary.site-menu__toggle").is_hidden()
    assert wide.evaluate("document.documentElement.scrollWidth") <= 1280


def test_the_menu_and_the_picture_lightbox_work_without_javascript(open_page, screenshots):
    product = product_in_stock()
    page = phone(open_page, java_script_enabled=False)
    page.goto(HomePage.objects.get(**FRENCH).url)
    navigation = page.get_by_role("navigation", name="Navigation principale")
    assert navigation.is_hidden()
    page.locator("summary.site-menu__toggle").click()
    screenshots.take(page, "menu open without javascript")
    assert page.locator("details.site-menu").evaluate("menu => menu.open")
    # Open, the menu fits the screen's width: nothing to scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert navigation.is_visible()
    assert page.get_by_label("Rechercher sur le site").is_visible()
    assert (
        page.locator("header .language-switcher").get_by_role("link", name="English").is_visible()
    )
    navigation.get_by_role("link", name="Boutique").click()
    page.wait_for_url("**/fr/boutique/")

    page.goto(product.url)
    pictures = product.gallery_images.count()
    thumbnails = page.locator(".product__thumbnails a")
    assert thumbnails.count() == pictures >= 2
    # By keyboard: the second thumbnail opens the second picture, large.
    thumbnails.nth(1).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#picture-2$"))
    box = page.locator("#picture-2")
    assert box.is_visible()
    large = box.locator("img")
    large.evaluate("img => img.decode()")
    assert large.evaluate("img => img.naturalWidth") > 0
    assert large.get_attribute("alt") == product.gallery_images.all()[1].alt_text
    assert within_first_screen(large)
    screenshots.take(page, "lightbox without javascript")
    box.get_by_role("link", name="Photo précédente").click()
    page.wait_for_url(re.compile(r"#picture-1$"))
    assert page.locator("#picture-1").is_visible() and box.is_hidden()
    page.locator("#picture-1").get_by_role("link", name="Fermer").click()
    page.wait_for_url(re.compile(r"#gallery$"))
    assert page.locator(".lightbox:visible").count() == 0

    # With JavaScript, Escape closes the menu and gives the focus back to its button.
    scripted = phone(open_page)
    scripted.goto(HomePage.objects.get(**FRENCH).url)
    toggle = scripted.locator("summary.site-menu__toggle")
    toggle.click()
    scripted.get_by_label("Rechercher sur le site").focus()
    scripted.keyboard.press("Escape")
    assert not scripted.locator("details.site-menu").evaluate("menu => menu.open")
    assert toggle.evaluate("toggle => document.activeElement === toggle")


def assert_labelled(page, selector, maker):
    table = page.locator(selector)
    table.scroll_into_view_if_needed()
    page.locator(f"{selector} img.line__thumbnail").first.evaluate("img => img.decode()")
    found = table.evaluate(TABLE_SCRIPT)
    assert found["cells"] and not found["unlabelled"], found
    assert found["lines"] == [{"picture": True, "maker": f"par {maker}"}], found


def test_cart_checkout_and_confirmation_tables_are_labelled_lines_on_a_phone(
    open_page, screenshots
):
    product = product_in_stock()
    maker = product.artisan.title
    page = phone(open_page)
    page.goto(product.url)
    page.locator("main form.add-to-cart").get_by_role("button", name="Ajouter au panier").click()
    # Adding stays on the piece; the message links to the cart.
    page.get_by_role("link", name="Voir le panier").click()
    page.wait_for_url(f"**{reverse('shop:cart')}")
    screenshots.take(page, "cart on a phone")
    assert_labelled(page, "main table.cart-table", maker)
    assert page.locator("header .cart-link__count").inner_text() == "1"

    page.get_by_role("link", name="Commander", exact=True).click()
    page.wait_for_url(f"**{reverse('shop:checkout')}")
    assert_labelled(page, ".checkout__summary table", maker)
    screenshots.take(page, "checkout on a phone")
    page.get_by_label("Nom et prénom").fill("Awa Diallo")
    page.get_by_label("Adresse e-mail").fill("awa.diallo@example.org")
    page.get_by_label("Téléphone").fill("+221 77 123 45 67")
    page.get_by_label("Retrait", exact=True).check()
    page.get_by_label("Espèces à la livraison ou au retrait").check()
    page.get_by_role("button", name="Passer ma commande").click()

    page.wait_for_url("**/fr/orders/**")
    screenshots.take(page, "confirmation on a phone")
    assert_labelled(page, "table.order-lines", maker)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_phone_pages_have_thumb_sized_targets_ordered_headings_and_readable_charts(
    open_page, screenshots
):
    product = product_in_stock()
    page = phone(open_page)
    pages = [
        ("home", HomePage.objects.get(**FRENCH).url),
        ("story", StoryPage.objects.live().filter(**FRENCH).order_by("pk").first().url),
        ("product", product.url),
    ]
    problems = {}

    def check(name):
        screenshots.take(page, name)
        small = small_targets(page, FINGER, ("header", "nav", "main", "footer"))
        jumps = page.evaluate(HEADING_JUMPS_SCRIPT)
        if small or jumps:
            problems[name] = small + jumps

    for name, url in pages:
        page.goto(url)
        check(name)
    page.goto(product.url)
    page.locator("main form.add-to-cart").get_by_role("button").click()
    page.get_by_role("link", name="Voir le panier").click()
    page.wait_for_url(f"**{reverse('shop:cart')}")
    check("cart")
    assert not problems, problems

    page.goto(ImpactPage.objects.live().get(**FRENCH).url)
    texts = page.evaluate(CHART_TEXT_SCRIPT)
    assert len(texts) >= 10
    assert [text for text in texts if text["size"] < 12 or text["right"] > text["limit"] + 1] == []
    details = page.locator(".impact-chart details.chart__data")
    details.first.locator("summary").click()
    region = details.first.locator(".table-scroll")
    box = region.bounding_box()
    # The figures table scrolls inside its region rather than being cut off by the screen.
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert region.evaluate("region => getComputedStyle(region).overflowX") == "auto"
    screenshots.take(page, "impact on a phone")
