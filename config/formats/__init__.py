"""Locale formats of our own, before Django's (`FORMAT_MODULE_PATH`).

The admin's date widgets display dates as `WAGTAIL_DATE_FORMAT` (day first) whatever the
editor's language, and post back what they display. Django's English input formats read
month first: « 22/10/2025 » was refused and, worse, « 10/11/2025 » would have been read as
11 October. Every admin language therefore reads the widgets' own formats first; Django
adds the ISO formats (2025-10-22) after them. Other formats (display) stay Django's.
"""

from django.conf import settings


def admin_date_input_formats():
    return [settings.WAGTAIL_DATE_FORMAT]


def admin_datetime_input_formats():
    # The widget writes minutes; seconds are accepted for a value typed by hand.
    return [settings.WAGTAIL_DATETIME_FORMAT, settings.WAGTAIL_DATETIME_FORMAT + ":%S"]
