"""The two e-mails of a submission: the notice to staff and the sender's acknowledgement.

Both go through Django's mail, hence the site's mail queue (`config.mail`), inside the
submission's transaction: a submission rolled back sends nothing. Staff read the notice
in the site's first language; the sender reads the acknowledgement in the page's.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from shop.addresses import absolute_url

logger = logging.getLogger(__name__)


def absolute(path):
    return absolute_url(path)


def answers(page, submission, pictures=True):
    """[(label, answer as staff read it)] in the form's order, empty answers left out.

    The sender's copy leaves the pictures out: their addresses open only in the admin.
    """
    data = submission.form_data
    rows = []
    for field in page.composed_fields:
        if not pictures and field.clean_name in page.picture_field_names():
            continue
        shown = page.display_value(field.clean_name, data.get(field.clean_name))
        if shown:
            rows.append((field.label, shown))
    return rows


def sender_address(submission):
    return (submission.form_data.get("email") or "").strip()


def tell_staff(page, submission):
    """The submission, to the page's staff group and addresses; replies reach the sender."""
    recipients = page.staff_addresses()
    if not recipients:
        logger.warning("No staff address for the enquiries of page %s", page.pk)
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "page": page,
            "answers": answers(page, submission),
            "submissions_url": absolute(reverse("wagtailforms:list_submissions", args=[page.pk])),
            "made_to_order_url": absolute(page.made_to_order_url(submission) or ""),
        }
        subject = page.subject or _("New message: %(title)s") % {"title": page.title}
        body = render_to_string("enquiries/emails/staff_notice.txt", context)
    sender = sender_address(submission)
    EmailMessage(
        subject=f"{subject} · {settings.WAGTAIL_SITE_NAME}",
        body=body,
        from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        reply_to=[sender] if sender else None,
    ).send()


def acknowledge(page, submission):
    """Tell the sender, in the page's language, that their message arrived."""
    sender = sender_address(submission)
    if not sender:
        return
    with translation.override(page.locale.language_code):
        context = {
            "page": page,
            "name": submission.form_data.get("name", ""),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "answers": answers(page, submission, pictures=False),
        }
        subject = _("We received your message")
        body = render_to_string("enquiries/emails/acknowledgement.txt", context)
    EmailMessage(
        subject=f"{subject} · {settings.WAGTAIL_SITE_NAME}",
        body=body,
        from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
        to=[sender],
    ).send()
