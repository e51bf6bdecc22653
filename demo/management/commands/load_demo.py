"""Load the demo: a French site with workshops, artisans, stories and products, and English
translations of its home, index, shop and plain pages, artisans and three stories.

Idempotent: every object is looked up by a stable key (slug, name or image title)
and only created when missing, so a second run changes nothing. No network: all
pictures are drawn locally by `demo.images`; the texts are `demo/content/*.json`.
"""

import io
import os
import random
from datetime import date, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from demo import images, texts
from enquiries.models import (
    CommissionRequestField,
    CommissionRequestPage,
    PartnershipEnquiryField,
    PartnershipEnquiryPage,
)
from home.models import HomeFeaturedProduct, HomeFeaturedStory, HomePage, StandardPage
from impact import figures
from impact.models import ImpactPage, Partner, PartnerIndexPage
from shop import lifecycle, production, stock
from shop.cart import Cart
from shop.checkout import Customer, place_order
from shop.models import (
    ArtisanPayout,
    DeliveryZone,
    Fulfilment,
    Order,
    OrderLine,
    OrderReferenceCounter,
    OrderStatus,
    PaymentMethod,
    PayoutMethod,
    PickupPoint,
    ProductCategory,
    ProductImage,
    ProductIndexPage,
    ProductPage,
    ShopSettings,
    StoryProductView,
)
from shop.models.products import expected_ready_date
from stories.access import private_collection
from stories.consent import PublicationRefused, save_record
from stories.models import (
    ArtisanIndexPage,
    ArtisanPage,
    ArtisanRecord,
    StoryIndexPage,
    StoryPage,
    Workshop,
)
from voices import moderation, photos
from voices.models import Review, ReviewStatus

ADMIN_USERNAME = "admin"
# Orders in these statuses hold their pieces until paid or cancelled.
HOLDING_STATUSES = (OrderStatus.PENDING_PAYMENT, OrderStatus.AWAITING_CASH)
content = texts.read("fr")
english = texts.read("en")
# The enquiry forms of the content, by the `type` it gives them.
ENQUIRY_PAGES = {
    "partnership": (PartnershipEnquiryPage, PartnershipEnquiryField),
    "commission": (CommissionRequestPage, CommissionRequestField),
}
# Drawn pictures are kept here between runs: drawing is the slowest part of loading.
DRAWING_CACHE = settings.BASE_DIR / "var" / "demo-drawings"


def stock_of(product):
    return ProductPage.objects.values_list("stock", flat=True).get(pk=product.pk)


def human_title(text, limit=80):
    """An image's title from a sentence about it, cut at a word: « Mains qui tressent… »."""
    text = " ".join(text.split()).rstrip(".")
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


class Command(BaseCommand):
    help = "Load the demo content (idempotent; draws its pictures locally, needs no network)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the demo home page already exists (used by `make run`).",
        )

    def handle(self, *args, **options):
        self.created = {}
        if options["if_empty"] and HomePage.objects.exists():
            self.stdout.write("Demo content already loaded: nothing to do.")
            self.serve_at_site_url(Site.objects.filter(is_default_site=True).first())
            self.print_logins()
            return
        with transaction.atomic():
            self.collection = self.step("Image collection", self.load_collection)
            home = self.step("Home page and site", self.load_home)
            self.workshops = self.step("Workshops", self.load_workshops)
            self.categories = self.step("Product categories", self.load_categories)
            self.step("Shop settings", self.load_shop_settings, home)
            indexes = self.step("Index pages", self.load_indexes, home)
            self.artisans = self.step("Artisans", self.load_artisans, indexes["artisans"])
            self.products = self.step("Products", self.load_products, indexes["boutique"])
            self.enquiry_pages = self.step("Enquiry forms", self.load_enquiry_forms, home)
            self.standard_pages = self.step("Standard pages", self.load_standard_pages, home)
            self.step("Partners", self.load_partners)
            self.step("Impact page", self.load_impact, home)
            self.partners_page = self.step("Partners page", self.load_partners_page, home)
            self.stories = self.step("Stories", self.load_stories, indexes["histoires"])
            self.step("Consent withdrawals", self.load_withdrawals)
            self.step("Home page features", self.load_features, home)
            self.step("English translations", self.load_english, home, indexes)
            self.staff = self.step("Staff users", self.load_staff)
            self.step("Orders", self.load_orders, home)
            self.step("Sales history", self.load_sales_history, home)
            self.step("Story link views", self.load_story_views)
            self.step("Payouts", self.load_payouts, home)
            self.step("Buyers' voices", self.load_voices)
            self.step("Made-to-order order", self.load_made_to_order_order, home)
        # Orders were backdated with plain updates: the impact figures are read afresh.
        figures.invalidate()
        self.step("Admin user", self.load_admin)
        self.stdout.write(self.style.SUCCESS(f"Demo ready at {settings.SITE_URL}/"))
        self.print_logins()

    def serve_at_site_url(self, site):
        """The demo's Site answers at SITE_URL, the address `make run` serves (its PORT)."""
        if site is None:
            return
        address = urlsplit(settings.SITE_URL)
        default_port = 443 if address.scheme == "https" else 80
        hostname, port = address.hostname or "localhost", address.port or default_port
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save(update_fields=["hostname", "port"])

    def print_logins(self):
        password = self.staff_password(ADMIN_USERNAME)
        self.stdout.write(
            f"Admin: {settings.SITE_URL}/admin/  user « {ADMIN_USERNAME} »  password « {password} »"
        )
        for data in content.STAFF_USERS:
            password = self.staff_password(data["username"])
            self.stdout.write(
                f"  {data['group']}: user « {data['username']} »  password « {password} »"
            )

    # Progress ---------------------------------------------------------------

    def step(self, label, loader, *args):
        before = dict(self.created)
        result = loader(*args)
        made = {
            kind: count - before.get(kind, 0)
            for kind, count in self.created.items()
            if count > before.get(kind, 0)
        }
        status = ", ".join(f"{kind}={count}" for kind, count in made.items())
        self.stdout.write(f"  {label}: {'created ' + status if made else 'already present'}")
        return result

    def count_created(self, kind):
        self.created[kind] = self.created.get(kind, 0) + 1

    # Helpers ----------------------------------------------------------------

    def image(self, title, draw, *args):
        """A Wagtail image found by title, or drawn with `draw(*args)` and saved once."""
        model = get_image_model()
        existing = model.objects.filter(title=title, collection=self.collection).first()
        if existing:
            return existing
        image = model(title=title, collection=self.collection)
        image.file = ImageFile(
            io.BytesIO(self.drawing(draw, *args)), name=f"{slugify(title)[:60]}.jpg"
        )
        image.save()
        self.count_created("images")
        return image

    def drawing(self, draw, *args):
        """JPEG bytes of a drawing, from the cache when the same drawing was made before."""
        path = DRAWING_CACHE / f"{draw.__name__}-{slugify('-'.join(args))}.jpg"
        if path.exists():
            return path.read_bytes()
        data = images.to_jpeg_bytes(draw(*args))
        DRAWING_CACHE.mkdir(parents=True, exist_ok=True)
        # Written under a name of this process's own, then renamed: another process (a
        # pytest-xdist worker loading its own demo) never reads half a file.
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        partial.write_bytes(data)
        partial.replace(path)
        return data

    def child_page(self, parent, model, slug, **fields):
        """The live child page with this slug, or a new one, published once."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            return existing.specific
        tags = fields.pop("tags", ())
        artisans = fields.pop("artisans", ())
        # Created as a draft and then published, so the publication rules apply.
        page = model(slug=slug, live=False, **fields)
        parent.add_child(instance=page)
        # Relations go into the first revision, so the editor opens what the public sees.
        if tags:
            page.tags.add(*tags)
        if artisans:
            page.artisans.set(artisans)
        revision = page.save_revision()
        try:
            revision.publish()
        except PublicationRefused as refused:
            self.stdout.write(f"    « {page.title} » kept as a draft: {refused}")
        self.count_created("pages")
        return page

    # Steps ------------------------------------------------------------------

    def load_collection(self):
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name="Démo").first()
        if existing:
            return existing
        self.count_created("collections")
        return root.add_child(name="Démo")

    def load_home(self):
        for code, _name in settings.LANGUAGES:
            if not Locale.objects.filter(language_code=code).exists():
                Locale.objects.create(language_code=code)
                self.count_created("locales")
        root = Page.get_first_root_node()
        home = HomePage.objects.child_of(root).first()
        if home is None:
            # Wagtail's install leaves a placeholder page; the demo home replaces it.
            for placeholder in root.get_children().exact_type(Page):
                placeholder.delete()
            data = content.HOME
            hero = self.image("Accueil", images.scene, data["hero_scene"], "accueil")
            home = self.child_page(
                root,
                HomePage,
                "accueil",
                title=data["title"],
                hero_heading=data["hero_heading"],
                hero_text=data["hero_text"],
                hero_image=hero,
                hero_image_alt=data["hero_image_alt"],
            )
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        if site.root_page_id != home.pk or site.site_name != content.SITE_NAME:
            site.hostname, site.port = site.hostname or "localhost", site.port or 80
            site.root_page, site.site_name = home, content.SITE_NAME
            site.save()
            self.count_created("sites")
        self.serve_at_site_url(site)
        return home

    def load_workshops(self):
        workshops = {}
        for data in content.WORKSHOPS:
            fields = {key: value for key, value in data.items() if key != "key"}
            workshop, made = Workshop.objects.get_or_create(name=data["name"], defaults=fields)
            if made:
                self.count_created("workshops")
            workshops[data["key"]] = workshop
        return workshops

    def load_categories(self):
        categories = {}
        for data in content.CATEGORIES:
            names = {**data, "name_en": english.CATEGORIES[data["slug"]]}
            category, made = ProductCategory.objects.get_or_create(
                slug=data["slug"], defaults=names
            )
            if made:
                self.count_created("categories")
            categories[data["slug"]] = category
        return categories

    def load_shop_settings(self, home):
        site = Site.objects.get(root_page=home)
        shop_settings, made = ShopSettings.objects.get_or_create(
            site=site, defaults=content.SHOP_LEGAL
        )
        if made:
            self.count_created("settings")
        # The zones and points replace what a first migration made from the old flat fee.
        if made or not shop_settings.delivery_zones.filter(name=content.DELIVERY_ZONES[0]["name"]):
            shop_settings.delivery_zones.all().delete()
            shop_settings.pickup_points.all().delete()
            for order, zone in enumerate(content.DELIVERY_ZONES):
                DeliveryZone.objects.create(settings=shop_settings, sort_order=order, **zone)
            for order, point in enumerate(content.PICKUP_POINTS):
                PickupPoint.objects.create(settings=shop_settings, sort_order=order, **point)

    def load_indexes(self, home):
        indexes = {}
        for model, data in (
            (StoryIndexPage, content.STORY_INDEX),
            (ArtisanIndexPage, content.ARTISAN_INDEX),
            (ProductIndexPage, content.PRODUCT_INDEX),
        ):
            indexes[data["slug"]] = self.child_page(
                home,
                model,
                data["slug"],
                title=data["title"],
                intro=data["intro"],
                show_in_menus=True,
            )
        return indexes

    def load_artisans(self, index):
        """Artisan pages and their private records; the records decide names and portraits."""
        artisans = {}
        for data in content.ARTISANS:
            record = (
                ArtisanRecord.objects.filter(legal_name=data["legal_name"])
                .select_related("artisan")
                .first()
            )
            if record and record.artisan:
                artisans[data["slug"]] = record.artisan
                continue
            # A demo loaded before private records existed has the page under its old slug.
            page = index.get_children().filter(slug=data["slug"]).first()
            if page is None:
                page = ArtisanPage(
                    workshop=self.workshops[data["workshop"]],
                    craft=data["craft"],
                    profile=data["profile"],
                    live=False,
                )
                index.add_child(instance=page)
                self.count_created("pages")
            page = page.specific
            record = self.private_record(page, data)
            page.refresh_from_db()
            if data["portrait"] and record.coverage().face:
                initials = "".join(word[0] for word in data["display_name"].split()[:2]).upper()
                page.portrait = self.image(
                    f"Portrait {data['display_name']}",
                    images.portrait_placeholder,
                    initials,
                    data["slug"],
                )
            page.save_revision().publish()
            artisans[data["slug"]] = page
        return artisans

    def private_record(self, page, data):
        """The artisan's private record, with consent as first given (withdrawals come later)."""
        consent = data["consent"]
        identity = data["identity"]
        record = ArtisanRecord(
            artisan=page,
            identity=identity,
            public_name="" if identity == "anonymous" else data["display_name"],
            legal_name=data["legal_name"],
            private_notes=data["private_notes"],
            consent_name=consent["name"],
            consent_face=consent["face"],
            consent_story=consent["story"],
            consent_given_on=date.fromisoformat(consent["given"]),
            consent_valid_until=(
                date.fromisoformat(consent["expires"]) if consent["expires"] else None
            ),
        )
        record.full_clean(exclude=["artisan"])
        save_record(record, user=None)
        record.consent_document = self.consent_form(record, data)
        # The signed form is filed beside the consent, which it does not change.
        record.save(update_fields=["consent_document"], apply_consent_on_commit=False)
        self.count_created("private records")
        return record

    def consent_form(self, record, data):
        """A stand-in for the signed form, kept in the private collection like a real scan."""
        consent = data["consent"]
        lines = [
            "Mains Libres : formulaire de consentement (exemple de démonstration)",
            f"Dossier n° {record.pk}",
            f"Nom d'état civil : {data['legal_name']}",
            f"Nom affiché : {data['display_name']} ({data['identity']})",
            f"Nom : {'oui' if consent['name'] else 'non'}",
            f"Visage : {'oui' if consent['face'] else 'non'}",
            f"Histoire : {'oui' if consent['story'] else 'non'}",
            f"Donné le : {consent['given']}",
            f"Valable jusqu'au : {consent['expires'] or 'sans limite'}",
        ]
        document = get_document_model()(
            title=f"Consentement, dossier n° {record.pk}", collection=private_collection()
        )
        document.file.save(
            f"consentement-dossier-{record.pk}.txt",
            ContentFile("\n".join(lines).encode()),
            save=False,
        )
        document.save()
        self.count_created("documents")
        return document

    def load_products(self, index):
        products = {}
        for data in content.PRODUCTS:
            existing = index.get_children().filter(slug=data["slug"]).first()
            if existing:
                products[data["slug"]] = existing.specific
                continue
            product = ProductPage(
                slug=data["slug"],
                title=data["title"],
                artisan=self.artisans[data["artisan"]],
                category=self.categories[data["category"]],
                description=data["description"],
                materials=data["materials"],
                dimensions=data["dimensions"],
                care_notes=data["care_notes"],
                artisan_price=data["artisan_price"],
                stock=data["stock"],
                one_of_a_kind=data["one_of_a_kind"],
                made_to_order=data.get("made_to_order", False),
                lead_time_days=data.get("lead_time_days"),
            )
            for number, suffix in enumerate(("", " (détail)")):
                picture = self.image(
                    f"{data['title']}{suffix}",
                    images.product_photo,
                    data["kind"],
                    f"{data['slug']}-{number}",
                )
                # The alt text says what is drawn, from the drawing's own colours.
                alt = images.product_alt(data["kind"], f"{data['slug']}-{number}", "fr")
                product.gallery_images.add(
                    ProductImage(image=picture, alt_text=alt, sort_order=number)
                )
            index.add_child(instance=product)
            product.save_revision().publish()
            self.count_created("pages")
            products[data["slug"]] = product
        return products

    def stream(self, blocks, key, products=None, pages=None):
        """Turn the content module's (type, value) blocks into StreamField raw data.

        Products and pages are named by their French slug; `products` and `pages` map them
        to the pages to use (their translations, for an English page).
        """
        products = self.products if products is None else products
        pages = pages or {}
        raw = []
        for number, (block_type, value) in enumerate(blocks):
            value = value if isinstance(value, str) else dict(value)
            if block_type in {"image"}:
                value = self.image_block(value, f"{key}-{number}")
            elif block_type == "gallery":
                value = {
                    "images": [
                        self.image_block(item, f"{key}-{number}-{position}")
                        for position, item in enumerate(value["images"])
                    ]
                }
            elif block_type == "product_card":
                value["product"] = products[value["product"]].pk
            elif block_type == "product_row":
                value["products"] = [products[slug].pk for slug in value["products"]]
            elif block_type == "call_to_action":
                value = {
                    "heading": value["heading"],
                    "text": value.get("text", ""),
                    "button_label": value["button_label"],
                    "page": (pages.get(value["page"]) or self.page_by_slug(value["page"])).pk,
                    "external_url": "",
                }
            raw.append({"type": block_type, "value": value})
        return raw

    def image_block(self, value, key):
        # Titled in words, as an editor would (the picker and the library list them by title).
        picture = self.image(
            human_title(value.get("caption") or value["alt_text"]),
            images.scene,
            value["scene"],
            key,
        )
        return {
            "image": picture.pk,
            "alt_text": value["alt_text"],
            "caption": value.get("caption", ""),
            "credit": value.get("credit", ""),
        }

    def page_by_slug(self, slug):
        home = HomePage.objects.first()
        return Page.objects.child_of(home).get(slug=slug)

    def load_standard_pages(self, home):
        pages = {}
        for data in content.STANDARD_PAGES:
            pages[data["slug"]] = self.editorial_page(
                home, StandardPage, data, show_in_menus=data["slug"] == "a-propos"
            )
        return pages

    def load_partners(self):
        for data in content.PARTNERS:
            if Partner.objects.filter(name=data["name"]).exists():
                continue
            logo = self.image(
                f"Logo {data['name']}",
                images.portrait_placeholder,
                data["initials"],
                f"partner-{data['initials']}",
            )
            partner = Partner.objects.create(
                name=data["name"],
                kind=data["kind"],
                logo=logo,
                link=data["link"],
                description=data["description"],
                description_en=english.PARTNERS[data["name"]],
            )
            partner.workshops.set(self.workshops[key] for key in data["workshops"])
            self.count_created("partners")

    def editorial_page(self, parent, model, data, **fields):
        """A page with a title, an introduction and a body of blocks, from the content module."""
        return self.child_page(
            parent,
            model,
            data["slug"],
            title=data["title"],
            intro=data["intro"],
            body=self.stream(data["body"], data["slug"]),
            **fields,
        )

    def load_partners_page(self, home):
        data = content.PARTNERS_PAGE
        return self.child_page(
            home,
            PartnerIndexPage,
            data["slug"],
            title=data["title"],
            intro=data["intro"],
            # In the footer, beside « À propos »: the main menu keeps to one row at 1280 px.
            enquiry_page=self.enquiry_pages.get("partenariat"),
        )

    def load_enquiry_forms(self, home):
        """The partnership and commission forms, each telling a staff group (French)."""
        pages = {}
        for data in content.ENQUIRY_FORMS:
            page_model, field_model = ENQUIRY_PAGES[data["type"]]
            fields = [
                field_model(
                    clean_name=field["clean_name"],
                    label=field["label"],
                    field_type=field["type"],
                    required=field["required"],
                    help_text=field.get("help_text", ""),
                    sort_order=order,
                )
                for order, field in enumerate(data["fields"])
            ]
            pages[data["slug"]] = self.child_page(
                home,
                page_model,
                data["slug"],
                title=data["title"],
                intro=data["intro"],
                thank_you_text=data["thank_you_text"],
                subject=data["subject"],
                recipients_group=Group.objects.get(name=data["group"]),
                form_fields=fields,
            )
        return pages

    def translate_enquiry_forms(self, locale):
        """The English forms: the same fields (names, types), with English labels."""
        translated = {}
        for slug, data in english.ENQUIRY_FORMS.items():
            page = self.enquiry_pages[slug]
            existing = page.get_translation_or_none(locale)
            if existing is not None:
                translated[slug] = existing.specific
                continue
            field_model = type(page).form_fields.rel.related_model
            fields = [
                field_model(
                    clean_name=field.clean_name,
                    label=label,
                    field_type=field.field_type,
                    required=field.required,
                    help_text=help_text,
                    sort_order=field.sort_order,
                )
                for field, (label, help_text) in zip(
                    page.form_fields.order_by("sort_order"), data["fields"], strict=True
                )
            ]
            texts_only = {key: value for key, value in data.items() if key != "fields"}
            translated[slug] = self.translate(page, locale, form_fields=fields, **texts_only)
        return translated

    def load_impact(self, home):
        return self.editorial_page(home, ImpactPage, content.IMPACT, show_in_menus=True)

    def load_stories(self, index):
        stories = {}
        for data in content.STORIES:
            existing = index.get_children().filter(slug=data["slug"]).first()
            if existing:
                stories[data["slug"]] = existing.specific
                continue
            hero = self.image(
                f"Illustration : {data['title']}", images.scene, data["hero_scene"], data["slug"]
            )
            story = self.child_page(
                index,
                StoryPage,
                data["slug"],
                title=data["title"],
                standfirst=data["standfirst"],
                date=date.fromisoformat(data["date"]),
                hero_image=hero,
                hero_caption=data["hero_caption"],
                hero_credit=data["hero_credit"],
                body=self.stream(data["body"], data["slug"]),
                tags=data["tags"],
                artisans=[self.artisans[slug] for slug in data["artisans"]],
            )
            stories[data["slug"]] = story
        return stories

    def load_withdrawals(self):
        """Withdraw the consents the content says were withdrawn, after their stories went live.

        This is what happens on the real site: the record is updated and the
        artisan's page, portrait and stories change at once.
        """
        for data in content.ARTISANS:
            withdrawn = data["consent"]["withdrawn"]
            if not withdrawn:
                continue
            record = ArtisanRecord.objects.get(legal_name=data["legal_name"])
            if record.consent_withdrawn_on:
                continue
            record.consent_withdrawn_on = date.fromisoformat(withdrawn)
            save_record(record, user=None)
            self.count_created("withdrawals")

    def load_features(self, home):
        if home.featured_stories.exists() or home.featured_products.exists():
            return
        newest = sorted(content.STORIES, key=lambda data: data["date"], reverse=True)[:3]
        for order, data in enumerate(newest):
            story = self.stories[data["slug"]]
            home.featured_stories.add(HomeFeaturedStory(story=story, sort_order=order))
        available = [data for data in content.PRODUCTS if data["stock"] > 0][:4]
        for order, data in enumerate(available):
            product = self.products[data["slug"]]
            home.featured_products.add(HomeFeaturedProduct(product=product, sort_order=order))
        home.save_revision().publish()
        self.count_created("home features")

    # English ------------------------------------------------------------------

    def translate(self, page, locale, **fields):
        """The page's translation, made once as an editor does (« Translate »), then published.

        `copy_for_translation` makes a draft copy under the parent's translation; the
        English texts are written into it and published through a revision.
        """
        existing = page.get_translation_or_none(locale)
        if existing is not None:
            return existing.specific
        # As saved now: earlier steps (a consent withdrawal...) may have changed the page.
        page = type(page).objects.get(pk=page.pk)
        translation = page.copy_for_translation(locale)
        # A story's themes are words of its language: the English story has English ones.
        tags = fields.pop("tags", None)
        for name, value in fields.items():
            setattr(translation, name, value)
        if tags is not None:
            translation.tags.set(tags)
        translation.save_revision().publish()
        self.count_created("translations")
        return translation

    def load_english(self, home, indexes):
        """English versions of the home, index, shop, impact, partners and plain pages,
        artisans and 3 stories."""
        locale = Locale.objects.get(language_code="en")
        data = english.HOME
        # The English home shows the newest English stories and products (no French picks).
        self.translate(home, locale, featured_stories=[], featured_products=[], **data)
        for slug, data in english.INDEXES.items():
            self.translate(indexes[slug], locale, **data)
        artisans = {
            slug: self.translate(self.artisans[slug], locale, **data)
            for slug, data in english.ARTISANS.items()
        }
        products = {}
        kinds = {data["slug"]: data["kind"] for data in content.PRODUCTS}
        for slug, data in english.PRODUCTS.items():
            page = self.products[slug]
            existing = page.get_translation_or_none(locale)
            if existing is not None:
                products[slug] = existing.specific
                continue
            pictures = list(page.gallery_images.all())
            for picture in pictures:
                seed = f"{slug}-{picture.sort_order}"  # as `load_products` drew it
                picture.pk, picture.alt_text = None, images.product_alt(kinds[slug], seed, "en")
            products[slug] = self.translate(page, locale, gallery_images=pictures, **data)
        for slug, data in english.STORIES.items():
            story = self.stories[slug]
            body = self.stream(data["body"], f"{slug}-en", products=products)
            fields = {key: value for key, value in data.items() if key != "body"}
            artisans_featured = [
                artisans[self.artisan_slug(artisan)] for artisan in story.artisans.all()
            ]
            self.translate(story, locale, body=body, artisans=artisans_featured, **fields)
        forms = self.translate_enquiry_forms(locale)
        for slug, data in english.STANDARD_PAGES.items():
            body = self.stream(data["body"], f"{slug}-en", pages=forms)
            fields = {key: value for key, value in data.items() if key != "body"}
            self.translate(self.standard_pages[slug], locale, body=body, **fields)
        data = english.IMPACT
        fields = {key: value for key, value in data.items() if key != "body"}
        impact = ImpactPage.objects.child_of(home).get()
        self.translate(impact, locale, body=self.stream(data["body"], "impact-en"), **fields)
        self.translate(self.partners_page, locale, **english.PARTNERS_PAGE)

    def artisan_slug(self, artisan):
        return next(slug for slug, page in self.artisans.items() if page.pk == artisan.pk)

    def load_admin(self):
        user_model = get_user_model()
        if not user_model.objects.filter(username=ADMIN_USERNAME).exists():
            password = self.staff_password(ADMIN_USERNAME)
            user_model.objects.create_superuser(
                ADMIN_USERNAME, "admin@mainslibres.example", password
            )
            self.count_created("users")

    def staff_password(self, username):
        # Derived from this checkout's secret key: the same on every run, stored nowhere
        # (a user who changed their password keeps the new one: this only sets the first).
        return salted_hmac("demo-staff-password", username).hexdigest()[:16]

    def load_staff(self):
        """One user per staff group, to try what each group may do in the admin."""
        users = {}
        for data in content.STAFF_USERS:
            user = get_user_model().objects.filter(username=data["username"]).first()
            if user is None:
                user = get_user_model().objects.create_user(
                    data["username"],
                    data["email"],
                    self.staff_password(data["username"]),
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                )
                user.groups.add(Group.objects.get(name=data["group"]))
                self.count_created("users")
            users[data["username"]] = user
        return users

    def load_orders(self, home):
        """Orders in every status, placed and moved along by the shop's own services."""
        if Order.objects.filter(email__endswith="@" + content.DEMO_ORDER_DOMAIN).exists():
            return
        shop_settings = ShopSettings.objects.get(site__root_page=home)
        for data in content.ORDERS:
            self.place_demo_order(data, shop_settings, self.staff["boutique"])
            self.count_created("orders")

    def place_demo_order(self, data, shop_settings, manager):
        cart = Cart(SessionStore())
        for slug, quantity, story in data["lines"]:
            product = self.products[slug]
            # The pieces shown as sold were sold by these orders: back in stock for the sale.
            if stock_of(product) == 0:
                stock.adjust_stock(product, quantity, expected=0)
            cart.set(product.pk, quantity, story_id=self.stories[story].pk if story else None)
        customer = Customer(
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            fulfilment=data["fulfilment"],
            delivery_address=data["address"],
        )
        order = place_order(
            cart.summary(shop_settings),
            customer,
            PaymentMethod.CASH,
            shop_settings,
            language=data.get("language", "fr"),
            site=shop_settings.site,
            notify=False,
        )
        if data["status"] in (OrderStatus.PAID, OrderStatus.FULFILLED):
            lifecycle.mark_cash_paid(order, by=manager, note="Espèces reçues", notify=False)
        if data["status"] == OrderStatus.FULFILLED:
            lifecycle.mark_fulfilled(order, by=manager, notify=False)
        if data["status"] == OrderStatus.CANCELLED:
            lifecycle.cancel(order, by=manager, note="Client injoignable après trois appels.")
        self.backdate(order, data["days_ago"])

    def load_voices(self):
        """Buyers' reviews of demo orders' pieces: approved ones (one with a photo), one pending.

        Written and moderated through `voices.moderation`, as a buyer and a moderator would.
        """
        for data in content.VOICES:
            line = OrderLine.objects.filter(
                order__email=data["email"], product=self.products[data["product"]]
            ).first()
            if line is None or Review.objects.filter(order_line=line).exists():
                continue
            pictures = []
            if data["photo"]:
                drawn = self.drawing(
                    images.product_photo, data["photo"]["kind"], f"{data['product']}-home"
                )
                upload = SimpleUploadedFile("photo.jpg", drawn, content_type="image/jpeg")
                pictures.append((photos.cleaned_photo(upload), data["photo"]["alt"]))
            review = moderation.submit_review(
                line,
                rating=data["rating"],
                text=data["text"],
                display_name=data["display_name"],
                language="fr",
                photos=pictures,
                people_agreed=False,
            )
            if data["status"] == ReviewStatus.APPROVED:
                moderation.approve_review(review, by=self.staff["boutique"])
            self.count_created("reviews")

    def load_made_to_order_order(self, home):
        """A piece made to order, ordered a few days ago and in the workshop's hands now."""
        data = content.MADE_TO_ORDER_ORDER
        if Order.objects.filter(email=data["email"]).exists():
            return
        shop_settings = ShopSettings.objects.get(site__root_page=home)
        manager = self.staff["boutique"]
        cart = Cart(SessionStore())
        for slug, quantity, _story in data["lines"]:
            cart.set(self.products[slug].pk, quantity)
        order = place_order(
            cart.summary(shop_settings),
            Customer(
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                fulfilment=data["fulfilment"],
                delivery_address=data["address"],
            ),
            PaymentMethod.CASH,
            shop_settings,
            language="fr",
            site=shop_settings.site,
            notify=False,
        )
        for line in order.lines.all():
            production.move_production(
                line, data["production"], expected=line.production_status, by=manager, notify=False
            )
        self.backdate(order, data["days_ago"])
        # The promised day and the workshop's steps follow the order's own day.
        order.refresh_from_db(fields=["created_at"])
        for line in order.lines.all():
            ready_by = expected_ready_date(line.lead_time_days, order.created_at)
            OrderLine.objects.filter(pk=line.pk).update(ready_by=ready_by)
            for step, change in enumerate(line.production_changes.order_by("pk")):
                change.changed_at = order.created_at + timedelta(days=step)
                change.save(update_fields=["changed_at"])
        self.count_created("orders")

    def load_sales_history(self, home):
        """A year and a half of orders in every status, so that the impact charts mean something.

        Drawn from a fixed seed, so every run makes the same orders. Pieces sold in them
        were made for these sales (stock is topped up first, then the sale takes it back),
        so the stock of each product stays what the content says; orders still waiting
        for payment hold their pieces, as real ones do.
        """
        data = content.SALES_HISTORY
        if Order.objects.filter(email__endswith="@" + data["domain"]).exists():
            return
        rng = random.Random(data["seed"])
        shop_settings = ShopSettings.objects.get(site__root_page=home)
        stories = self.stories_by_product()
        for days_ago, status in self.history_schedule(rng, data["months"]):
            lines = self.history_lines(rng, stories, status)
            if lines:
                self.place_history_order(rng, data, lines, status, days_ago, shop_settings)
                self.count_created("orders")
        self.renumber_demo_orders(data["domain"])

    def history_schedule(self, rng, months):
        """(days ago, final status) of each order, more of them as the shop grows."""
        schedule = [
            (200, "refunded_whole"),
            (140, "refunded_partly"),
            (75, "fulfilled_partly_refunded"),
            (12, OrderStatus.AWAITING_CASH),
            (0, OrderStatus.PENDING_PAYMENT),
        ]
        for days_ago in range(months * 30, 2, -1):
            growth = 0.12 + 0.2 * (1 - days_ago / (months * 30))
            if rng.random() >= growth:
                continue
            if days_ago > 20:
                status = rng.choices(
                    [OrderStatus.FULFILLED, OrderStatus.CANCELLED, "refunded_partly"],
                    weights=[88, 10, 2],
                )[0]
            else:
                status = rng.choices(
                    [OrderStatus.PAID, OrderStatus.FULFILLED, OrderStatus.CANCELLED],
                    weights=[45, 45, 10],
                )[0]
            schedule.append((days_ago, status))
        return sorted(schedule, key=lambda item: -item[0])

    def stories_by_product(self):
        """{product slug: [story slugs]} of the stories that show the product."""
        found = {}
        for story in content.STORIES:
            for block_type, value in story["body"]:
                if block_type == "product_card":
                    found.setdefault(value["product"], []).append(story["slug"])
                elif block_type == "product_row":
                    for slug in value["products"]:
                        found.setdefault(slug, []).append(story["slug"])
        return found

    def history_lines(self, rng, stories, status):
        """One to three products made in several copies, some reached from a story."""
        candidates = [
            data
            for data in content.PRODUCTS
            if not data["one_of_a_kind"] and not data.get("made_to_order")
        ]
        lines = []
        for data in rng.sample(candidates, rng.choice([1, 1, 1, 2, 2, 3])):
            product = self.products[data["slug"]]
            quantity = rng.choice([1, 1, 1, 2])
            stock = ProductPage.objects.values_list("stock", flat=True).get(pk=product.pk)
            # An unpaid order keeps its pieces: leave at least one on sale. A cancelled one
            # held them for a while: they were there.
            if status in HOLDING_STATUSES and stock <= quantity:
                continue
            if status == OrderStatus.CANCELLED and stock < quantity:
                continue
            story = rng.choice(stories[data["slug"]]) if data["slug"] in stories else None
            lines.append((product, quantity, story if rng.random() < 0.5 else None))
        return lines

    def place_history_order(self, rng, data, lines, status, days_ago, shop_settings):
        manager = self.staff["boutique"]
        cart = Cart(SessionStore())
        for product, quantity, story in lines:
            if status not in (*HOLDING_STATUSES, OrderStatus.CANCELLED):
                # Made for this sale: the sale takes the pieces back out of stock.
                current = stock_of(product)
                stock.adjust_stock(product, current + quantity, expected=current)
            cart.set(product.pk, quantity, story_id=self.stories[story].pk if story else None)
        first, last = rng.choice(data["first_names"]), rng.choice(data["last_names"])
        delivery = rng.random() < 0.7
        order = place_order(
            cart.summary(shop_settings),
            Customer(
                name=f"{first} {last}",
                email=f"{slugify(first)}.{slugify(last)}.{rng.randint(10, 99)}@{data['domain']}",
                phone=f"+221 7{rng.choice('0678')} {rng.randint(100, 999)} "
                f"{rng.randint(10, 99)} {rng.randint(10, 99)}",
                fulfilment=Fulfilment.DELIVERY if delivery else Fulfilment.PICKUP,
                delivery_address=rng.choice(data["districts"]) if delivery else "",
            ),
            PaymentMethod.CARD if status == OrderStatus.PENDING_PAYMENT else PaymentMethod.CASH,
            shop_settings,
            language="fr",
            site=shop_settings.site,
            notify=False,
        )
        if status not in (*HOLDING_STATUSES, OrderStatus.CANCELLED):
            lifecycle.mark_cash_paid(order, by=manager, note="Espèces reçues", notify=False)
        if status in (OrderStatus.FULFILLED, "fulfilled_partly_refunded"):
            lifecycle.mark_fulfilled(order, by=manager, notify=False)
        if status == OrderStatus.CANCELLED:
            lifecycle.cancel(order, by=manager, note="Commande abandonnée par le client.")
        if status == "refunded_whole":
            lifecycle.record_refund(order, order.total)
        if status in ("refunded_partly", "fulfilled_partly_refunded"):
            lifecycle.record_refund(order, order.total // 3)
        if days_ago:
            self.backdate(order, days_ago)

    def load_story_views(self):
        """Visitors who opened a product from a story, day by day, for the stories report."""
        if StoryProductView.objects.exists():
            return
        rng = random.Random(content.SALES_HISTORY["seed"] + "-views")
        today = timezone.localdate()
        views = []
        for product_slug, story_slugs in sorted(self.stories_by_product().items()):
            for story_slug in story_slugs:
                for days_ago in range(content.SALES_HISTORY["months"] * 30):
                    if rng.random() < 0.08:
                        views.append(
                            StoryProductView(
                                story=self.stories[story_slug],
                                product=self.products[product_slug],
                                day=today - timedelta(days=days_ago),
                                views=rng.randint(1, 9),
                            )
                        )
        StoryProductView.objects.bulk_create(views)
        self.created["story link views"] = len(views)

    def load_payouts(self, home):
        """Each month's earnings paid on the 5th of the next month, as a shop manager would."""
        if ArtisanPayout.objects.exists():
            return
        shop_settings = ShopSettings.objects.get(site__root_page=home)
        currency = shop_settings.currency
        ledger = figures.build_ledger(currency)
        methods = [PayoutMethod.MOBILE_MONEY, PayoutMethod.CASH]
        this_month = figures.current_month()
        artisans = ArtisanPage.objects.in_bulk()
        for index, cell_month in enumerate(sorted({cell.month for cell in ledger.cells})):
            if cell_month >= this_month:
                continue
            owed = {}
            for cell in ledger.cells:
                if cell.month == cell_month and cell.artisan in artisans:
                    owed[cell.artisan] = owed.get(cell.artisan, 0) + cell.tally.artisan_share
            paid_on = figures.add_months(cell_month, 1).replace(day=5)
            if paid_on > timezone.localdate():
                continue  # not the 5th yet: last month's earnings are still owed
            for artisan_id, amount in sorted(owed.items()):
                if amount <= 0:
                    continue
                ArtisanPayout.objects.create(
                    artisan=artisans[artisan_id],
                    paid_on=paid_on,
                    amount=amount,
                    currency=currency,
                    method=methods[(index + artisan_id) % 2],
                    note=f"Ventes de {cell_month:%m/%Y}",
                    recorded_by=self.staff["boutique"],
                )
                self.count_created("payouts")

    def renumber_demo_orders(self, domain):
        """Number the demo's orders by the year and order they were placed in (ML-2025-00001).

        They were numbered when the loader placed them, all in this year. Left alone once
        any other order exists: its number must never change.
        """
        demo = Order.objects.filter(email__endswith="@" + domain) | Order.objects.filter(
            email__endswith="@" + content.DEMO_ORDER_DOMAIN
        )
        if Order.objects.exclude(pk__in=demo.values("pk")).exists():
            return
        orders = list(demo.order_by("created_at", "pk"))
        Order.objects.filter(pk__in=[order.pk for order in orders]).update(reference=None)
        numbers = {}
        for order in orders:
            year = timezone.localtime(order.created_at).year
            numbers[year] = numbers.get(year, 0) + 1
            order.reference = f"{settings.SHOP_ORDER_REFERENCE_PREFIX}-{year}-{numbers[year]:05d}"
            order.save(update_fields=["reference"])
        OrderReferenceCounter.objects.all().delete()
        for year, last in numbers.items():
            OrderReferenceCounter.objects.create(year=year, last_number=last)

    def backdate(self, order, days_ago):
        """Spread the order's history over the days before today, two days per step."""
        placed = timezone.now() - timedelta(days=days_ago, hours=2)
        changes = list(order.status_changes.order_by("pk"))
        # Two days between steps, less for recent orders: no step lands in the future.
        gap = min(timedelta(days=2), (timezone.now() - placed) / len(changes))
        moments = {}
        for step, change in enumerate(changes):
            moments[change.to_status] = placed + gap * step
            change.changed_at = moments[change.to_status]
            change.save(update_fields=["changed_at"])
        Order.objects.filter(pk=order.pk).update(
            created_at=placed,
            paid_at=moments.get(OrderStatus.PAID),
            fulfilled_at=moments.get(OrderStatus.FULFILLED),
            cancelled_at=moments.get(OrderStatus.CANCELLED),
        )
