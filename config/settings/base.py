"""Settings shared by every environment; each value that differs comes from the environment."""

from pathlib import Path

import dj_database_url
import django

from .env import env_bool, env_int, env_list, env_networks, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Site-wide protections: deployment checks, the login lock-outs' admin screen; no models.
    "config",
    "home",
    "stories",
    "shop",
    "impact",
    "demo",
    "search",
    # The staff groups and their permissions, for the whole site; no models.
    "staff",
    # The task queue (Django 6's tasks API, backported) and its database backend: e-mails
    # wait there until a worker sends them.
    "django_tasks",
    "django_tasks_db",
    "wagtail_modeladmin",
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.locales.RequestLocalesMiddleware",
    "config.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "config.security.RateLimitMiddleware",
    "config.database.DatabaseBusyMiddleware",
    # Inside the CSRF middleware: a cached page gets each visitor's token and cookie.
    "config.pagecache.PageCacheMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "shop.context_processors.cart_summary",
            ],
        },
    },
]

# SQLite file in the project unless DATABASE_URL names another database.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# On PostgreSQL a query waits at most DB_LOCK_TIMEOUT_MS for a row lock and runs at most
# DB_STATEMENT_TIMEOUT_MS, so one long lock cannot freeze every worker: the request gets
# the "busy, try again" page (`config.database`). 0 turns a limit off (e.g. a long migrate).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _db_options = DATABASES["default"].setdefault("OPTIONS", {})
    _db_options["options"] = (
        f"{_db_options.get('options', '')}"
        f" -c lock_timeout={env_int('DB_LOCK_TIMEOUT_MS', 2000)}"
        f" -c statement_timeout={env_int('DB_STATEMENT_TIMEOUT_MS', 20000)}"
    ).strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis is shared by every app server when deployed; local memory otherwise. Production
# refuses a per-process cache (`config.checks`) unless told it runs as one process.
REDIS_URL = env_str("REDIS_URL")
SHARED_CACHE_REQUIRED = False
if REDIS_URL:
    CACHES = {
        "default": {
            # Fails soft (`config.cache`): with Redis down or frozen, pages are served
            # uncached and no cache call waits longer than the timeouts below.
            "BACKEND": "config.cache.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "mainslibres"),
            "OPTIONS": {
                "socket_connect_timeout": env_int("REDIS_TIMEOUT_MS", 250) / 1000,
                "socket_timeout": env_int("REDIS_TIMEOUT_MS", 250) / 1000,
                "RETRY_AFTER": env_int("REDIS_RETRY_SECONDS", 5),
            },
        }
    }
else:
    # Django's default of 300 entries is less than a catalogue's renditions and product cards
    # (`shop.cards`): past it, entries are dropped at random and pages cost more queries.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }

# Whole public pages cached for anonymous visitors (`config.pagecache`), in the cache
# above: at most this many seconds, and dropped at once whenever a page may change.
# 0 turns the page cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)

# A CDN in front (README, « Page cache »): Wagtail's frontend cache purges a page's
# addresses when it is published or unpublished, and `stories.consent` purges every page
# of a person whose consent changed. One backend, chosen by the variables set.
WAGTAILFRONTENDCACHE = {}
if env_str("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
    }
elif env_str("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env_str("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": env_str("CLOUDFLARE_ZONE_ID"),
    }
elif env_str("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env_str("CLOUDFRONT_DISTRIBUTION_ID"),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# French first, English second.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
# Each language as Open Graph names a locale (language_TERRITORY), for og:locale.
OPEN_GRAPH_LOCALES = {"fr": "fr_FR", "en": "en_GB"}
# Ours first; then Django admin's own catalogue: its list filters (« Any date », « Today »)
# are used by the order list (wagtail_modeladmin) though django.contrib.admin is not
# installed, so its translations would not be loaded otherwise.
LOCALE_PATHS = [BASE_DIR / "locale", Path(django.__file__).parent / "contrib/admin/locale"]
TIME_ZONE = env_str("TIME_ZONE", "Africa/Dakar")
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "assets"]
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Consent forms and withdrawn portraits: never under MEDIA_ROOT, only served through
# Wagtail's document view, which checks the collection's view restriction.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private-media")))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "stories.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    # Compressed, content-hashed files that whitenoise serves with far-future caching.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Media on S3-compatible object storage when a bucket is configured.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_ACCESS_KEY_ID = env_str("AWS_ACCESS_KEY_ID")
    AWS_SECRET_ACCESS_KEY = env_str("AWS_SECRET_ACCESS_KEY")
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False
    # Private files go to their own bucket, read only through signed requests by the app.
    AWS_PRIVATE_STORAGE_BUCKET_NAME = env_str("AWS_PRIVATE_STORAGE_BUCKET_NAME")
    if AWS_PRIVATE_STORAGE_BUCKET_NAME:
        STORAGES["private"] = {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": AWS_PRIVATE_STORAGE_BUCKET_NAME,
                "default_acl": "private",
                "querystring_auth": True,
                "custom_domain": None,
            },
        }

# E-mail leaves the request: Django's send_mail, the shop's e-mails and Wagtail's all go
# to the task queue (`config.mail`), and a worker (`manage.py db_worker --backend
# background`) sends them with MAIL_DELIVERY_BACKEND, retrying while SMTP is down.
# SMTP; without EMAIL_HOST, dev and production write mail to the console instead.
EMAIL_BACKEND = "config.mail.QueuedEmailBackend"
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
# A mail server that accepts and never answers must not hold a worker for ever.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Mains Libres <boutique@mainslibres.example>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
MAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
# A failed delivery is tried again after 30 s, 1, 2, 4 ... minutes (at most an hour apart);
# after MAIL_MAX_ATTEMPTS it stays in the queue's table as failed, with the whole message.
MAIL_MAX_ATTEMPTS = env_int("MAIL_MAX_ATTEMPTS", 60)
MAIL_RETRY_SECONDS = (
    env_int("MAIL_RETRY_FIRST_SECONDS", 30),
    env_int("MAIL_RETRY_LONGEST_SECONDS", 60 * 60),
)

# Wagtail's own tasks (search and reference index) stay immediate, as they were; the
# "background" backend is the durable queue in the database that the worker reads.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# Payment providers: each is offered at checkout only when its keys are configured (and
# Shop settings enable it). Stripe for cards; Wave for mobile money (see shop/payments/).
STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY")
STRIPE_PUBLISHABLE_KEY = env_str("STRIPE_PUBLISHABLE_KEY")
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET")
WAVE_API_KEY = env_str("WAVE_API_KEY")
WAVE_WEBHOOK_SECRET = env_str("WAVE_WEBHOOK_SECRET")

# Order updates by SMS (shop/sms/): Orange's SMS API when its keys are set, otherwise the
# messages are only logged. Sent by the worker, retried while Orange is unavailable.
ORANGE_SMS_CLIENT_ID = env_str("ORANGE_SMS_CLIENT_ID")
ORANGE_SMS_CLIENT_SECRET = env_str("ORANGE_SMS_CLIENT_SECRET")
ORANGE_SMS_SENDER = env_str("ORANGE_SMS_SENDER")
ORANGE_SMS_SENDER_NAME = env_str("ORANGE_SMS_SENDER_NAME")
SMS_BACKEND = env_str("SMS_BACKEND", "orange" if ORANGE_SMS_CLIENT_ID else "console")
SMS_MAX_ATTEMPTS = env_int("SMS_MAX_ATTEMPTS", 20)
SMS_RETRY_SECONDS = (
    env_int("SMS_RETRY_FIRST_SECONDS", 60),
    env_int("SMS_RETRY_LONGEST_SECONDS", 60 * 60),
)

# Orders are numbered PREFIX-YEAR-NUMBER, e.g. ML-2026-00042.
SHOP_ORDER_REFERENCE_PREFIX = env_str("ORDER_REFERENCE_PREFIX", "ML")

SESSION_COOKIE_AGE = 60 * 60 * 24 * 14

# Security headers. Public pages load nothing from elsewhere but embedded videos,
# and forms may only post here or be redirected to Stripe's hosted checkout.
MEDIA_ORIGIN = env_str("MEDIA_ORIGIN")  # e.g. https://media.example.org when media is on S3
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    "style-src": ["'self'"],
    "script-src": ["'self'"],
    "frame-src": [
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
        "https://player.vimeo.com",
    ],
    "form-action": ["'self'", "https://checkout.stripe.com", "https://pay.wave.com"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
CSP_EXCLUDED_PREFIXES = ("/admin/", "/documents/")
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# The client's address behind a load balancer: either the number of proxies that always
# stand in front (TRUSTED_PROXY_COUNT), or their networks (TRUSTED_PROXY_NETWORKS, e.g.
# "10.0.0.0/8,127.0.0.1/32"), in which case X-Forwarded-For is read from the right up to
# the first address that is not one of them. Neither set: the connection's own address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
TRUSTED_PROXY_NETWORKS = env_networks("TRUSTED_PROXY_NETWORKS")
# POSTs per client address and URL namespace: (requests, seconds) in a sliding window.
RATE_LIMITS = {"shop": (env_int("SHOP_POSTS_PER_MINUTE", 60), 60)}
# Failed admin logins: (failures, seconds) in a sliding window; see config/logins.py.
LOGIN_THROTTLES = {
    "account_address": (env_int("LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS", 5), 15 * 60),
    "address": (env_int("LOGIN_FAILURES_PER_ADDRESS", 20), 15 * 60),
    "account": (env_int("LOGIN_FAILURES_PER_ACCOUNT", 10), 15 * 60),
    "global": (env_int("LOGIN_FAILURES_PER_MINUTE", 100), 60),
}

WAGTAIL_SITE_NAME = env_str("SITE_NAME", "Mains Libres")
# The site's public address where no request says it (e-mails, the demo's Site); pages,
# feeds and the sitemap build theirs from the request, which behind the proxy carries the
# public host. `make run` sets it to the address it serves.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", SITE_URL)
# Wagtail's database search; on PostgreSQL, full-text search that stems each page in its own
# language (`search.backend`). Languages without a PostgreSQL dictionary use "simple".
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIGS": {"fr": "french", "en": "english"},
    }
}
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx", "jpg", "jpeg", "png", "webp"]
# Documents live in private storage and are always served through Wagtail's view, which
# applies collection view restrictions (consent forms are restricted to consent staff).
WAGTAILDOCS_DOCUMENT_MODEL = "stories.ProtectedDocument"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Approving a story in a workflow publishes it only when its artisans' consent allows.
WAGTAIL_FINISH_WORKFLOW_ACTION = "stories.workflow.publish_workflow_state"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
# Forms read dates the way those widgets show them, in every language (`config.formats`).
FORMAT_MODULE_PATH = ["config.formats"]
# Large StreamFields post many fields from the page editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Each page save queues background tasks; their INFO lines drown everything else.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
