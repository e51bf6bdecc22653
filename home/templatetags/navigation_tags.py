"""Navigation built from the page tree, in the reader's language."""

from django import template
from wagtail.models import Page, Site

from home.models import StandardPage

register = template.Library()


def _home_page(request):
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return site.root_page.localized


@register.simple_tag(takes_context=True)
def home_page(context):
    return _home_page(context.get("request"))


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """Top-level pages marked « show in menus », the current section highlighted."""
    request = context.get("request")
    home = _home_page(request)
    current = context.get("page")
    items = []
    if home is not None:
        for child in home.get_children().live().in_menu():
            is_current = current is not None and (
                current.pk == child.pk or current.path.startswith(child.path)
            )
            items.append({"page": child, "is_current": is_current})
    return {"home": home, "items": items, "request": request}


@register.inclusion_tag("components/footer_menu.html", takes_context=True)
def footer_menu(context):
    """The plain pages (about, delivery, terms, privacy) linked from every footer."""
    home = _home_page(context.get("request"))
    pages = Page.objects.none()
    if home is not None:
        pages = home.get_children().live().type(StandardPage)
    return {"pages": pages}
