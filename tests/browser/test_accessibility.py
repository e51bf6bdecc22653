"""The public pages pass axe-core's WCAG 2.0 and 2.1 A and AA rules and work on a 360 px phone."""

import pytest
from django.urls import reverse

from home.models import HomePage
from impact.models import ImpactPage
from shop.models import ProductIndexPage, ProductPage
from stories.models import ArtisanPage, StoryIndexPage, StoryPage

from .targets import small_targets

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 360, "height": 780}
# WCAG 2.2 target size (minimum), in CSS pixels.
MIN_TARGET = 24

def visit_public_pages(page):
    """Visit the pages a shopper sees, putting a piece in the cart on the way.

    Yields each page's name once the page has loaded.
    """
    french = {"locale__language_code": "fr"}
    product = (
        ProductPage.objects.live().filter(stock__gt=0, **french).order_by("pk").first()
    )
    pages = [
        ("home", HomePage.objects.get(**french).url),
        ("story index", StoryIndexPage.objects.get(**french).url),
        ("story", StoryPage.objects.live().filter(**french).order_by("pk").first().url),
        ("artisan", ArtisanPage.objects.live().filter(**french).order_by("pk").first().url),
        ("product index", ProductIndexPage.objects.get(**french).url),
        ("product", product.url),
    ]
    for name, url in pages:
        page.goto(url)
        yield name
    page.locator("main form.add-to-cart").get_by_role("button").click()
    # Adding stays on the piece; the message links to the cart.
    page.get_by_role("link", name="Voir le panier").click()
    page.wait_for_url(f"**{reverse('shop:cart')}")
    yield "cart"
    page.goto(reverse("shop:checkout"))
    yield "checkout"
    page.goto(ImpactPage.objects.live().get(**french).url)
    yield "impact"
    page.goto(reverse("search:search") + "?q=chaise")
    yield "search results"


def report(problems):
    return "\n".join(f"{name}:\n  " + "\n  ".join(lines) for name, lines in problems.items())


def axe_violations(page, axe):
    """axe-core's WCAG A and AA violations on the page, one line each."""
    page.add_script_tag(path=str(axe))
    results = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    assert results["passes"], "axe-core checked nothing"
    return [
        f"{violation['id']}: {violation['help']} "
        f"({', '.join(str(node['target']) for node in violation['nodes'][:3])})"
        for violation in results["violations"]
    ]


def test_public_pages_have_no_wcag_a_or_aa_violations(open_page, axe, screenshots):
    # axe is injected as an inline script, which the public pages' CSP rightly forbids:
    # this context bypasses the CSP for the test's own script only.
    page = open_page(bypass_csp=True)
    problems = {}
    for name in visit_public_pages(page):
        screenshots.take(page, name)
        violations = axe_violations(page, axe)
        if violations:
            problems[name] = violations
    assert not problems, report(problems)


def test_public_pages_fit_a_phone_and_have_targets_big_enough_to_tap(open_page, screenshots):
    page = open_page(viewport=PHONE, is_mobile=True, has_touch=True)
    problems = {}
    for name in visit_public_pages(page):
        screenshots.take(page, f"{name} on a phone")
        width = page.evaluate("document.documentElement.scrollWidth")
        small = small_targets(page, MIN_TARGET)
        if width > PHONE["width"]:
            problems.setdefault(name, []).append(f"page is {width} px wide")
        if small:
            problems.setdefault(name, []).extend(small)
    assert not problems, report(problems)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_impact_page_on_a_phone_has_no_violation_and_its_tables_scroll_by_keyboard(
    open_page, axe, screenshots, language
):
    page = open_page(viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True)
    page.goto(ImpactPage.objects.live().get(locale__language_code=language).url)
    screenshots.take(page, f"impact {language} on a phone")
    assert not axe_violations(page, axe)
    wrappers = page.locator(".table-scroll")
    assert wrappers.count() >= 3
    for index in range(wrappers.count()):
        wrapper = wrappers.nth(index)
        assert wrapper.get_attribute("tabindex") == "0"
        assert wrapper.get_attribute("role") == "region" and wrapper.get_attribute("aria-label")
