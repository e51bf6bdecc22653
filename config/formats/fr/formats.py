"""Read dates as the admin's widgets write them (see `config.formats`)."""

from config.formats import admin_date_input_formats, admin_datetime_input_formats

DATE_INPUT_FORMATS = admin_date_input_formats()
DATETIME_INPUT_FORMATS = admin_datetime_input_formats()
