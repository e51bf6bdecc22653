from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.sitemaps import AllLanguagesSitemap
from home.views import favicon, robots_txt
from shop.views import stripe_webhook, wave_webhook

urlpatterns = [
    # Outside the language prefix: each provider posts to one fixed address.
    path("shop/webhooks/stripe/", stripe_webhook, name="stripe_webhook"),
    path("shop/webhooks/wave/", wave_webhook, name="wave_webhook"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllLanguagesSitemap}}, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages and shop views carry the language in the URL: /fr/..., /en/...
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("", include("shop.urls")),
    path("voices/", include("voices.urls")),
    path("", include(wagtail_urls)),
)
