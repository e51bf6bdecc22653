"""The admin's history names artisans only the way their consent allows today.

Wagtail keeps, on every log entry, the object's title at the time it was logged (the
« Name » column of *Reports › Site history*, its filter and its CSV/XLSX export), and
some actions keep titles in their data too (a rename's old and new titles). For an
artisan page that title was the person's name: after a withdrawal, or a switch to a
pseudonym, that history would go on showing the name to every staff member who can see
the page. So when consent renames an artisan, their log entries are rewritten to the
name shown now; nothing else in the history changes (who, when, what).
"""

from django.contrib.contenttypes.models import ContentType
from django.dispatch import receiver
from wagtail.models import ModelLogEntry, PageLogEntry

from . import privacy
from .consent import consent_changed
from .models import ArtisanRecord


def _replace_names(value, names, current):
    """`value` (log data: dicts, lists, strings) with each former name replaced by `current`."""
    if isinstance(value, str):
        for name in names:
            value = value.replace(name, current)
        return value
    if isinstance(value, dict):
        return {key: _replace_names(item, names, current) for key, item in value.items()}
    if isinstance(value, list):
        return [_replace_names(item, names, current) for item in value]
    return value


def _former_names(entries, current, extra=()):
    """The names these entries may spell: titles the object had, and `extra` names.

    The labels are the titles the object had when each entry was logged; a rename's data
    holds the title before it, which no label may have kept.
    """
    names = set(entries.values_list("label", flat=True)) | set(extra)
    for data in entries.filter(action="wagtail.rename").values_list("data", flat=True):
        title = (data or {}).get("title") or {}
        names |= {title.get("old") or "", title.get("new") or ""}
    names -= {current, ""}
    # Longest first, so a full name is replaced before the first name it starts with.
    return sorted(names, key=len, reverse=True)


def _relabel(entries, current, extra=()):
    """Give these entries `current` as label and scrub former names from their data."""
    names = _former_names(entries, current, extra)
    if not names:
        return 0
    for entry in entries.exclude(data={}):
        scrubbed = _replace_names(entry.data, names, current)
        if scrubbed != entry.data:
            type(entry).objects.filter(pk=entry.pk).update(data=scrubbed)
    return entries.exclude(label=current).update(label=current)


def relabel_artisan_history(artisan_pages, record=None):
    """Name these artisan pages (and their private record) by today's title in the history.

    The record's legal name, and its surname when private, are scrubbed too: some entries
    may have been written while the page still showed them.
    """
    private = privacy.forbidden_names(record.legal_name, record.shown_name()) if record else []
    changed = 0
    for page in artisan_pages:
        page.refresh_from_db(fields=["title"])
        changed += _relabel(PageLogEntry.objects.filter(page=page), page.title, private)
    if record is not None:
        record_entries = ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(ArtisanRecord), object_id=str(record.pk)
        )
        label = str(ArtisanRecord.objects.select_related("artisan").get(pk=record.pk))
        changed += _relabel(record_entries, label, private)
    return changed


@receiver(consent_changed)
def forget_former_names_in_history(sender, change, **kwargs):
    """A renamed artisan keeps no former name in the admin's history."""
    if change.renamed:
        relabel_artisan_history(change.artisan_pages, change.record)
