"""Wave's hosted page, played by the test's own server for the mobile money journey.

The shop's URLs plus `/fake-wave/<session>/`: a page with one button that does what
paying in the Wave app does: the fake API's session becomes paid, Wave's signed
callback is posted to the shop, and the shopper is sent back to the success URL.
"""

import json

from django.http import HttpResponse
from django.shortcuts import redirect
from django.test import Client
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.decorators.csrf import csrf_exempt

from config.urls import urlpatterns as shop_urlpatterns
from tests.shop.conftest import wave_event, wave_signed

# The FakeWave API of the running test (set by the test's fixture).
current = {"api": None}


@csrf_exempt  # Wave's own page: the shop's CSRF token has no place here.
def wave_page(request, session_id):
    api = current["api"]
    session = api.sessions[session_id]
    if request.method == "POST":
        paid = api.pay(session_id)
        body = json.dumps(wave_event("checkout.session.completed", paid))
        Client().post(
            reverse("wave_webhook"),
            data=body,
            content_type="application/json",
            HTTP_WAVE_SIGNATURE=wave_signed(body),
        )
        return redirect(session["success_url"])
    return HttpResponse(
        format_html(
            '<!doctype html><html lang="fr"><head><title>Wave</title></head><body><main>'
            "<h1>Payer {} F CFA à {}</h1>"
            '<form method="post"><button type="submit">Payer avec Wave</button></form>'
            "</main></body></html>",
            session["amount"],
            session["business_name"],
        )
    )


urlpatterns = [path("fake-wave/<str:session_id>/", wave_page), *shop_urlpatterns]
