"""Reading ids that clients send in query strings and forms, strictly.

Imports nothing of the project, so that any app (and any models module) can use it.
"""

import re

# An id as the site writes it in links and forms: ASCII digits that fit a database integer.
# (`str.isdigit()` accepts "²", which `int()` refuses.)
ID_PATTERN = re.compile(r"[0-9]{1,18}")
# A slug as Django and taggit make them: letters (accented too), digits, hyphens, underscores.
# PostgreSQL refuses a NUL in any text it is asked to compare: such values never reach it.
SLUG_PATTERN = re.compile(r"[-\w]{1,100}")


def id_from(raw):
    """The whole number in `raw` (text from a query string or a form), or None."""
    if isinstance(raw, str) and ID_PATTERN.fullmatch(raw):
        return int(raw)
    return None


def slug_from(raw):
    """The slug in `raw` (text from a query string), or "" when it cannot be one."""
    raw = raw.strip() if isinstance(raw, str) else ""
    return raw if SLUG_PATTERN.fullmatch(raw) else ""
