"""The staff groups and what each may do in the admin, as one table.

`STAFF_GROUPS` is the whole policy. A data migration applies it (creating the
groups), and a page hook grants page permissions on pages created later: Wagtail
page permissions belong to a place in the page tree, and the product index does
not exist when migrations run (the demo loader or an editor creates it).

To change the policy, edit the table and add a data migration whose step is
`migrations.RunPython(migrate_staff_groups, migrations.RunPython.noop)`, the one grant
function: it adds what is missing and removes nothing, so permissions an administrator
granted by hand stay. An earlier migration that calls it before a model exists skips
that model's permissions; the later migration grants them (a test checks every
permission of the table exists once all migrations have run).

The table names other apps' models and pages by label ("stories.Workshop",
"shop.ProductIndexPage"): this module imports none of the site's apps, so every app
may import it (`shop.emails` for the shop managers, `stories.access` for the public
documents collection).
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db.models.signals import post_save

COMMUNICATIONS = "Communications"
SHOP_MANAGERS = "Shop managers"
# Documents are granted on this public collection, never on the root: the root reaches
# every collection below it, including the private one for consent forms (`stories.access`).
PUBLIC_DOCUMENTS_COLLECTION = "Documents"
ROOT_COLLECTION = "root"

# Wagtail page permission types: add and edit pages, publish, lock and unlock them.
PAGE_EDITING = ("add", "change", "publish", "lock", "unlock")
IMAGES = ("wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image")
DOCUMENTS = (
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)


def model_permissions(label, actions=("add", "change", "delete", "view")):
    """["app.add_model", ...] for a model label such as "stories.Workshop"."""
    app_label, model_name = label.lower().split(".")
    return [f"{app_label}.{action}_{model_name}" for action in actions]


# Buyers' voices: reading reviews and approving or rejecting them (`voices.admin`).
VOICES_MODERATION = (
    *model_permissions("voices.Review", ("view", "change")),
    "voices.moderate_review",
)

STAFF_GROUPS = {
    COMMUNICATIONS: {
        # Django permissions, "app_label.codename".
        "permissions": [
            "wagtailadmin.access_admin",
            *model_permissions("stories.Workshop"),
            *model_permissions("wagtailredirects.Redirect"),
            # The impact page's partners and its small-group threshold.
            *model_permissions("impact.Partner"),
            "impact.change_impactsettings",
            # The "stories that sell" report.
            "shop.view_story_report",
            # « Translate » in the page menu, and promoted search results.
            "simple_translation.submit_translation",
            *model_permissions("wagtailsearchpromotions.SearchPromotion"),
            *VOICES_MODERATION,
        ],
        # By collection: "root" reaches every collection; documents stay in the public one.
        "collection_permissions": {
            ROOT_COLLECTION: IMAGES,
            PUBLIC_DOCUMENTS_COLLECTION: DOCUMENTS,
        },
        # Where page permissions are granted: "root" is the root of the page tree
        # (every site, every section); a page model label means each page of that type.
        "page_permissions": {"root": PAGE_EDITING},
    },
    SHOP_MANAGERS: {
        "permissions": [
            "wagtailadmin.access_admin",
            "shop.view_order",
            "shop.change_order",
            "shop.adjust_stock",
            # Prices are theirs alone: other editors see a product's price, read-only.
            "shop.change_prices",
            "shop.change_shopsettings",
            *model_permissions("shop.ProductCategory"),
            # Artisans' earnings and payouts (never deleted: no delete permission exists).
            *model_permissions("shop.ArtisanPayout", ("add", "change", "view")),
            "shop.view_story_report",
            # « Prévenez-moi » sign-ups: listed, and deleted when a shopper asks by mail.
            "shop.view_similarpiecealert",
            "shop.delete_similarpiecealert",
            "simple_translation.submit_translation",  # translating their products
            *VOICES_MODERATION,
        ],
        # Product galleries need pictures.
        "collection_permissions": {ROOT_COLLECTION: IMAGES},
        "page_permissions": {
            "shop.ProductIndexPage": PAGE_EDITING,
            # Reading and exporting the enquiries' submissions: Wagtail shows a form's
            # submissions to those who may edit the form page (Communications edit them all).
            "enquiries.PartnershipEnquiryPage": ("change",),
            "enquiries.CommissionRequestPage": ("change",),
        },
    },
}


def _permission(apps, label):
    """The permission, or None while the migration that creates its model has not run."""
    app_label, codename = label.split(".")
    permission_model = apps.get_model("auth", "Permission")
    return permission_model.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()


def table_permissions():
    """Every "app.codename" the table grants, for checks."""
    return {
        label
        for grants in STAFF_GROUPS.values()
        for label in (
            *grants["permissions"],
            *(label for labels in grants["collection_permissions"].values() for label in labels),
        )
    }


def _page_permission(apps, permission_type):
    return _permission(apps, f"wagtailcore.{permission_type}_page")


def _anchor_pages(apps, anchor):
    if anchor == "root":
        return list(apps.get_model("wagtailcore", "Page").objects.filter(depth=1))
    try:
        model = apps.get_model(anchor)
    except LookupError:  # an earlier migration, before the page type's app has its models
        return []
    return list(model.objects.all())


def _collection(apps, root, name):
    """The root collection, or its child of that name (created when missing)."""
    if name == ROOT_COLLECTION:
        return root
    collection_model = apps.get_model("wagtailcore", "Collection")
    child = collection_model.objects.filter(
        path__startswith=root.path, depth=root.depth + 1, name=name
    ).first()
    if child is None:
        # Historical models in migrations lack treebeard's add_child: use the live model.
        live_root = global_apps.get_model("wagtailcore", "Collection").objects.get(pk=root.pk)
        child = collection_model.objects.get(pk=live_root.add_child(name=name).pk)
    return child


def grant_page_permissions(apps, group, page_id, permission_types):
    """Give `group` the page permissions on one page (and so on all pages below it)."""
    group_page_permission = apps.get_model("wagtailcore", "GroupPagePermission")
    for permission_type in permission_types:
        group_page_permission.objects.get_or_create(
            group=group, page_id=page_id, permission=_page_permission(apps, permission_type)
        )


def _create_missing_permissions(apps):
    """The content types and permissions of every model `apps` knows that have none yet."""
    for app_config in apps.get_app_configs():
        # Django creates permissions only for an app whose models module is loaded:
        # historical apps have none, so one is pretended for the time of the call.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_contenttypes(app_config, apps=apps, verbosity=0)
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = models_module


def migrate_staff_groups(apps=global_apps, schema_editor=None):
    """Create the groups of `STAFF_GROUPS` and give each what the table says.

    The data migrations' step as it is (`RunPython(migrate_staff_groups, ...)`), and
    callable with the live apps. Permissions are normally created after every migration
    has run; the groups need them now, so the missing content types and permissions are
    created first.
    """
    _create_missing_permissions(apps)
    group_model = apps.get_model("auth", "Group")
    collection_model = apps.get_model("wagtailcore", "Collection")
    collection_permission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = collection_model.objects.filter(depth=1).first()
    for name, grants in STAFF_GROUPS.items():
        group, _created = group_model.objects.get_or_create(name=name)
        permissions = [_permission(apps, label) for label in grants["permissions"]]
        group.permissions.add(*(permission for permission in permissions if permission))
        if root_collection is None:
            continue
        for collection_name, labels in grants["collection_permissions"].items():
            collection = _collection(apps, root_collection, collection_name)
            for label in labels:
                collection_permission.objects.get_or_create(
                    group=group, collection=collection, permission=_permission(apps, label)
                )
        for anchor, permission_types in grants["page_permissions"].items():
            for page in _anchor_pages(apps, anchor):
                grant_page_permissions(apps, group, page.pk, permission_types)


def grant_on_new_page(sender, instance, created, raw=False, **kwargs):
    """A new page of an anchor type (e.g. a product index) gets its groups' permissions."""
    if not created or raw:
        return
    label = sender._meta.label
    group_model = global_apps.get_model("auth", "Group")
    for name, grants in STAFF_GROUPS.items():
        permission_types = grants["page_permissions"].get(label)
        group = group_model.objects.filter(name=name).first() if permission_types else None
        if group is not None:
            grant_page_permissions(global_apps, group, instance.pk, permission_types)


def connect_page_hooks():
    """Called once at start-up by `StaffConfig.ready`."""
    anchors = {
        anchor
        for grants in STAFF_GROUPS.values()
        for anchor in grants["page_permissions"]
        if anchor != "root"
    }
    for label in anchors:
        post_save.connect(
            grant_on_new_page, sender=global_apps.get_model(label), dispatch_uid=f"staff:{label}"
        )
