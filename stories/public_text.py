"""The words a page or a snippet shows visitors and search engines, field by field.

Read by the publication policy (`stories.consent.field_publication_problems`), and
rewritten by `replace_names` when a person may no longer be named: one list of fields
for both, so what is checked is what is cleaned.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext as _
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from . import privacy

# Page fields every page type inherits from Wagtail's `Page` that visitors or search engines
# read; the others (tree path, draft title, dates) never leave the admin.
PAGE_PUBLIC_FIELDS = ("title", "slug", "seo_title", "search_description")


def text_fields(model):
    """The model's own fields that hold words (choices are labels we wrote, not text)."""
    for model_field in model._meta.concrete_fields:
        words = isinstance(model_field, models.CharField | models.TextField | StreamField)
        if model_field.choices or not words:
            continue
        if model_field.model is Page and model_field.name not in PAGE_PUBLIC_FIELDS:
            continue
        yield model_field


def _field_text(obj, model_field):
    value = getattr(obj, model_field.name)
    if isinstance(model_field, StreamField):
        return privacy.collect_text(value.get_prep_value()) if value is not None else ""
    text = str(value or "")
    # A slug is read as words in an address: « tabouret-de-awa » says « Awa ».
    return text.replace("-", " ") if model_field.name == "slug" else text


def _public_child_relations(obj):
    """Inline objects shown with the page (gallery alt texts...), not Wagtail's own (comments)."""
    if not isinstance(obj, ClusterableModel):
        return []
    return [
        relation
        for relation in get_all_child_relations(obj)
        if not relation.related_model._meta.app_label.startswith(("wagtail", "taggit"))
    ]


def _images_shown(obj):
    """[(field name, image)] for every image the object shows, stream blocks and inlines included.

    Found the way Wagtail's reference index finds them, so an unsaved revision counts too.
    """
    image_model = get_image_model()
    image_type = ContentType.objects.get_for_model(image_model).pk
    fields = {}
    for content_type, pk, model_path, _path in ReferenceIndex._extract_references_from_object(obj):
        if content_type == image_type:
            fields.setdefault(int(pk), model_path.split(".")[0])
    images = image_model.objects.filter(pk__in=fields).only("pk", "title")
    return [(fields[image.pk], image) for image in images]


def public_texts(obj):
    """[(field name, label, text)]: every text of a page or snippet a visitor can read.

    Its own text fields and stream blocks, the text of its inline objects (a gallery's
    alternative texts), and the titles of the images it shows.
    """
    texts = [
        (model_field.name, str(model_field.verbose_name), _field_text(obj, model_field))
        for model_field in text_fields(type(obj))
    ]
    for relation in _public_child_relations(obj):
        name, related = relation.get_accessor_name(), relation.related_model
        for child in getattr(obj, name).all():
            texts += [
                (
                    name,
                    f"{related._meta.verbose_name} › {model_field.verbose_name}",
                    _field_text(child, model_field),
                )
                for model_field in text_fields(related)
            ]
    for name, image in _images_shown(obj):
        label = _("title of the image « %(title)s »") % {"title": image.title}
        texts.append((name, label, image.title))
    return [(name, label, text) for name, label, text in texts if text]


def page_text(page):
    """Everything a page or snippet publishes in words, in one string."""
    return " ".join(text for _name, _label, text in public_texts(page))


def _replaced(value, names, replacement, allowed):
    """A nested structure (StreamField raw data) with the names replaced in each string."""
    if isinstance(value, str):
        return privacy.replace_names(value, names, replacement, allowed)
    if isinstance(value, dict):
        return {key: _replaced(item, names, replacement, allowed) for key, item in value.items()}
    if isinstance(value, list):
        return [_replaced(item, names, replacement, allowed) for item in value]
    return value


def _replace_in_fields(obj, names, replacement, allowed):
    """Replace the names in the object's own text fields, in memory; whether any changed.

    Slugs are left alone: an address that spells a name is refused by the policy instead,
    and the page is then unpublished rather than moved.
    """
    changed = False
    for model_field in text_fields(type(obj)):
        if model_field.name == "slug":
            continue
        value = getattr(obj, model_field.name)
        if isinstance(model_field, StreamField):
            raw = value.get_prep_value() if value is not None else None
            new = _replaced(raw, names, replacement, allowed)
        else:
            raw = value
            new = _replaced(value, names, replacement, allowed)
        if new != raw:
            setattr(obj, model_field.name, new)
            changed = True
    return changed


def replace_names(obj, names, replacement, allowed=()):
    """Write `replacement` wherever the object (page or snippet) shows one of these names.

    The object's own fields change in memory (the caller saves or publishes it); its inline
    objects and the titles of its images are saved at once. Returns whether anything changed.
    """
    changed = _replace_in_fields(obj, names, replacement, allowed)
    for relation in _public_child_relations(obj):
        for child in getattr(obj, relation.get_accessor_name()).all():
            if _replace_in_fields(child, names, replacement, allowed):
                child.save()
                changed = True
    for _name, image in _images_shown(obj):
        title = privacy.replace_names(image.title, names, replacement, allowed)
        if title != image.title:
            get_image_model().objects.filter(pk=image.pk).update(title=title)
            changed = True
    return changed
