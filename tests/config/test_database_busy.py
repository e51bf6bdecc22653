"""A query PostgreSQL cancelled for waiting on a lock answers the 503 "try again" page."""

import pytest
from django.db import OperationalError
from django.test import RequestFactory

from config.database import DatabaseBusyMiddleware


class PostgresError(Exception):
    """Stands for psycopg's error, which Django's OperationalError wraps as its cause."""

    def __init__(self, sqlstate):
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def database_error(sqlstate):
    try:
        raise OperationalError("canceling statement") from PostgresError(sqlstate)
    except OperationalError as error:
        return error


def answer_to(error):
    request = RequestFactory().post("/fr/checkout/")
    return DatabaseBusyMiddleware(lambda request: None).process_exception(request, error)


@pytest.mark.parametrize("sqlstate", ["55P03", "57014"])
def test_a_lock_or_statement_timeout_answers_503(sqlstate):
    assert answer_to(database_error(sqlstate)).status_code == 503


def test_the_busy_answer_asks_to_retry_after_a_few_seconds():
    assert answer_to(database_error("55P03"))["Retry-After"] == "5"


def test_the_busy_page_says_nothing_is_placed_twice_in_french():
    page = answer_to(database_error("55P03")).content.decode()
    assert "renvoyer la même commande ne la passe jamais deux fois" in page


def test_other_database_errors_are_left_to_django():
    assert answer_to(database_error("08006")) is None
