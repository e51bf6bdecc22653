"""Buyers' voices in the admin (moderation) and on the shop's pages and e-mails (its hooks)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from shop.extensions import (
    ORDER_FULFILLED_EMAIL_HOOK,
    PRODUCT_PAGE_CONTEXT_HOOK,
    PRODUCT_STRUCTURED_DATA_HOOK,
)

from . import admin
from .links import links_for_order
from .public import structured_reviews, voices_of_product


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin.MODERATE)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path("voices/", admin.moderation_index, name="voices_moderation"),
        path("voices/<int:pk>/moderate/", admin.moderate, name="voices_moderate"),
    ]


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return ModerationMenuItem(
        gettext_lazy("Buyers' voices"),
        reverse("voices_moderation"),
        icon_name="openquote",
        order=320,
    )


@hooks.register(PRODUCT_PAGE_CONTEXT_HOOK)
def product_voices(product, request):
    return {"voices": voices_of_product(product, request=request)}


@hooks.register(PRODUCT_STRUCTURED_DATA_HOOK)
def product_reviews_data(product, context):
    summary = context.get("voices")
    if summary is None:
        summary = voices_of_product(product, request=context.get("request"))
    return structured_reviews(summary)


@hooks.register(ORDER_FULFILLED_EMAIL_HOOK)
def review_links(order):
    return {"review_links": links_for_order(order)}
