"""The search backend: Wagtail's database search, stemming each language on PostgreSQL.

On SQLite (and any other database) this is Wagtail's own database backend. On
PostgreSQL, Wagtail's full-text backend takes one text search configuration
(`SEARCH_CONFIG`) for everything; here each object is indexed with the
configuration of its own language (a French page with "french", an English one
with "english", from `SEARCH_CONFIGS`), and a query is parsed with the
configuration of the active language. Searches on the site are filtered to the
active language's pages, so both sides always agree: « tableaux » finds
« tableau » on /fr/, "paintings" finds "painting" on /en/.

Why one backend and not one per language: Wagtail's PostgreSQL index is one
table with one row per object, so two backends would overwrite each other's
rows, and rebuilding either would empty the table for both.

Settings::

    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backend",
            "SEARCH_CONFIGS": {"fr": "french", "en": "english"},
        }
    }
"""

import copy
from itertools import groupby

from django.conf import settings
from django.db import connection
from django.utils import translation
from wagtail.models import Locale
from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

# PostgreSQL's configuration without stemming, for languages it has no dictionary for.
UNSTEMMED_CONFIG = "simple"


def _language_of(obj, languages_by_locale):
    """The language an object is written in: its locale's, else the site's first language."""
    return languages_by_locale.get(getattr(obj, "locale_id", None), settings.LANGUAGE_CODE)


class LanguageIndex(PostgresIndex):
    """Indexes each object with the text search configuration of its language."""

    def add_items(self, model, objs):
        languages_by_locale = dict(Locale.objects.values_list("pk", "language_code"))
        configs = sorted(
            (
                (self.backend.config_for(_language_of(obj, languages_by_locale)), obj)
                for obj in objs
            ),
            key=lambda pair: pair[0],
        )
        for config, pairs in groupby(configs, key=lambda pair: pair[0]):
            # A copy of the backend that indexes with this language's configuration.
            language_backend = copy.copy(self.backend)
            language_backend.config = config
            PostgresIndex(language_backend).add_items(model, [obj for _config, obj in pairs])


class LanguageQueryCompiler(PostgresSearchQueryCompiler):
    """Parses the query with the configuration of the language the visitor reads."""

    def get_config(self, backend):
        return backend.config_for(translation.get_language())


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    """Wagtail's PostgreSQL full-text search, with one configuration per language."""

    index_class = LanguageIndex
    query_compiler_class = LanguageQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.configs = dict(params.get("SEARCH_CONFIGS", {}))

    def config_for(self, language):
        """The text search configuration for a language code ("fr", "en-gb"...)."""
        code = (language or settings.LANGUAGE_CODE).lower()
        return self.configs.get(code) or self.configs.get(code.split("-")[0], UNSTEMMED_CONFIG)


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    """The backend for the default database: per-language PostgreSQL search, else Wagtail's."""
    if connection.vendor == "postgresql":
        return LanguagePostgresSearchBackend(params)
    return database_backend(params)
