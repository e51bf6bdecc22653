from django.urls import path

from . import views

app_name = "shop"

urlpatterns = [
    path("cart/", views.cart_detail, name="cart"),
    path("cart/add/", views.cart_add, name="cart_add"),
    path("cart/update/", views.cart_update, name="cart_update"),
    path("cart/remove/", views.cart_remove, name="cart_remove"),
    path("cart/empty/", views.cart_empty, name="cart_empty"),
    path("cart/empty/confirm/", views.cart_empty_confirm, name="cart_empty_confirm"),
    path("alerts/", views.alert_sign_up, name="alert_sign_up"),
    path("alerts/leave/<str:token>/", views.alert_unsubscribe, name="alert_unsubscribe"),
    path("checkout/", views.checkout, name="checkout"),
    path("orders/<slug:reference>/", views.order_detail, name="order_detail"),
    path("orders/<slug:reference>/cancel/", views.order_cancel, name="order_cancel"),
    path("orders/<slug:reference>/receipt/", views.receipt_detail, name="receipt_detail"),
    path("orders/<slug:reference>/receipt.pdf", views.receipt_pdf, name="receipt_pdf"),
]
