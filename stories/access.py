"""Who may see artisans' private records and documents, set up after every `migrate`.

- The « Référents consentement » group edits private records and reads the
  private document collection; page editors do not, and do not even see records
  in a chooser (`sees_private_records`).
- The « Dossiers des artisans » collection holds consent forms and withdrawn
  portraits. Its view restriction lets only that group (and superusers)
  download its files through Wagtail's document view.
- Permissions on the root collection reach every collection below it, private
  one included, so other groups' document permissions are moved to a public
  « Documents » collection.
"""

from django.apps import apps as django_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Collection, CollectionViewRestriction, GroupCollectionPermission

from staff.groups import PUBLIC_DOCUMENTS_COLLECTION

CONSENT_GROUP_NAME = "Référents consentement"
PRIVATE_COLLECTION_NAME = "Dossiers des artisans"
DOCUMENT_ACTIONS = ("add", "change", "delete", "choose")
RECORD_ACTIONS = ("add", "change", "view")


def sees_private_records(user):
    """Whether this staff member may see private records at all, even in a chooser."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=CONSENT_GROUP_NAME).exists()


def _child_collection(name):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def _document_permissions():
    """Document permissions by action. Wagtail checks those of its own document model
    (`wagtaildocs.Document`), whichever model stores the documents."""
    content_type = ContentType.objects.get(app_label="wagtaildocs", model="document")
    return {
        action: Permission.objects.get(content_type=content_type, codename=f"{action}_document")
        for action in DOCUMENT_ACTIONS
    }


def consent_group():
    """The staff group that manages consent, with its model permissions."""
    from .models import ArtisanRecord

    group, _created = Group.objects.get_or_create(name=CONSENT_GROUP_NAME)
    record_type = ContentType.objects.get_for_model(ArtisanRecord)
    wanted = [
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *(
            Permission.objects.get(
                content_type=record_type, codename=f"{action}_{ArtisanRecord._meta.model_name}"
            )
            for action in RECORD_ACTIONS
        ),
    ]
    group.permissions.add(*wanted)
    return group


def private_collection():
    """The restricted collection for consent forms and withdrawn portraits."""
    collection = _child_collection(PRIVATE_COLLECTION_NAME)
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    elif restriction.restriction_type != CollectionViewRestriction.GROUPS:
        restriction.restriction_type = CollectionViewRestriction.GROUPS
        restriction.password = ""
        restriction.save()
    group = consent_group()
    restriction.groups.add(group)
    for permission in _document_permissions().values():
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )
    return collection


def keep_documents_out_of_reach():
    """Move other groups' document permissions from the root to the public collection.

    Wagtail gives Editors and Moderators their document permissions on the
    root collection, which reaches the private one below it. They get the
    same rights on the public « Documents » collection instead.
    """
    root = Collection.get_first_root_node()
    public = _child_collection(PUBLIC_DOCUMENTS_COLLECTION)
    at_root = GroupCollectionPermission.objects.filter(
        collection=root, permission__in=_document_permissions().values()
    ).exclude(group__name=CONSENT_GROUP_NAME)
    for grant in at_root:
        GroupCollectionPermission.objects.get_or_create(
            group_id=grant.group_id, collection=public, permission_id=grant.permission_id
        )
    at_root.delete()


def set_up_private_access(**kwargs):
    """`post_migrate` receiver: idempotent, runs once per `migrate`."""
    if not Collection.objects.exists():
        return  # Wagtail's own migrations have not created the root collection yet
    # Django creates each app's permissions when that app's post_migrate comes round;
    # the admin's come after ours in INSTALLED_APPS, so make sure they exist now.
    for label in ("wagtailadmin", "wagtaildocs", "stories"):
        create_permissions(django_apps.get_app_config(label), verbosity=0)
    with transaction.atomic():
        private_collection()
        keep_documents_out_of_reach()
