"""A database that is busy answers "try again" (503) rather than a server error.

PostgreSQL cancels a query that waited past `lock_timeout` for a row another transaction
holds, or ran past `statement_timeout` (both set in settings). The transaction is rolled
back, so nothing was changed: the shopper can safely send the same form again.
"""

import logging

from django.db import OperationalError
from django.shortcuts import render

logger = logging.getLogger(__name__)

# lock_not_available, query_canceled (statement_timeout), deadlock_detected
BUSY_SQLSTATES = {"55P03", "57014", "40P01"}
RETRY_AFTER_SECONDS = 5


def is_database_busy(error):
    """True when PostgreSQL gave up waiting or running, not when it is down or the SQL wrong."""
    cause = error.__cause__
    return isinstance(error, OperationalError) and getattr(cause, "sqlstate", None) in (
        BUSY_SQLSTATES
    )


class DatabaseBusyMiddleware:
    """Turn a lock or statement timeout in a view into the 503 page, with Retry-After."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_busy(exception):
            return None
        logger.warning("Database busy on %s %s: %s", request.method, request.path, exception)
        response = render(request, "503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
