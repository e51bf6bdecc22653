"""Load the demo: a French site with workshops, artisans, stories and products, and English
translations of its home, index, shop and plain pages, artisans and three stories.

Idempotent: every object is looked up by a stable key (slug, name or image title)
and only created when missing, so a second run changes nothing. No network: all
pictures are drawn locally by `home.demo.images`.
"""

import io
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from home.demo import content, english, images
from home.models import HomeFeaturedProduct, HomeFeaturedStory, HomePage, ImpactPage, StandardPage
from shop import lifecycle
from shop.cart import Cart
from shop.checkout import Customer, place_order
from shop.models import (
    Order,
    OrderStatus,
    PaymentMethod,
    ProductCategory,
    ProductImage,
    ProductIndexPage,
    ProductPage,
    ShopSettings,
)
from stories.access import private_collection
from stories.consent import PublicationRefused
from stories.models import (
    ArtisanIndexPage,
    ArtisanPage,
    ArtisanRecord,
    StoryIndexPage,
    StoryPage,
    Workshop,
)

ADMIN_USERNAME = "admin"
# Drawn pictures are kept here between runs: drawing is the slowest part of loading.
DRAWING_CACHE = settings.BASE_DIR / "var" / "demo-drawings"


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
            self.standard_pages = self.step("Standard pages", self.load_standard_pages, home)
            self.step("Impact page", self.load_impact, home)
            self.stories = self.step("Stories", self.load_stories, indexes["histoires"])
            self.step("Consent withdrawals", self.load_withdrawals)
            self.step("Home page features", self.load_features, home)
            self.step("English translations", self.load_english, home, indexes)
            self.staff = self.step("Staff users", self.load_staff)
            self.step("Orders", self.load_orders, home)
        self.step("Admin user", self.load_admin)
        self.stdout.write(self.style.SUCCESS("Demo ready at http://127.0.0.1:8000/"))
        self.print_logins()

    def print_logins(self):
        password = self.staff_password(ADMIN_USERNAME)
        self.stdout.write(
            f"Admin: http://127.0.0.1:8000/admin/  user « {ADMIN_USERNAME} »"
            f"  password « {password} »"
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
        path.write_bytes(data)
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
            category, made = ProductCategory.objects.get_or_create(slug=data["slug"], defaults=data)
            if made:
                self.count_created("categories")
            categories[data["slug"]] = category
        return categories

    def load_shop_settings(self, home):
        site = Site.objects.get(root_page=home)
        _settings, made = ShopSettings.objects.get_or_create(
            site=site, defaults={"pickup_address": content.PICKUP_ADDRESS}
        )
        if made:
            self.count_created("settings")

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
        record.save()
        record.consent_document = self.consent_form(record, data)
        record.save(update_fields=["consent_document"])
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
            )
            for number, suffix in enumerate(("", " (détail)")):
                picture = self.image(
                    f"{data['title']}{suffix}",
                    images.product_photo,
                    data["kind"],
                    f"{data['slug']}-{number}",
                )
                product.gallery_images.add(
                    ProductImage(image=picture, alt_text=data["alt"], sort_order=number)
                )
            index.add_child(instance=product)
            product.save_revision().publish()
            self.count_created("pages")
            products[data["slug"]] = product
        return products

    def stream(self, blocks, key, products=None):
        """Turn the content module's (type, value) blocks into StreamField raw data.

        Products are named by their French slug; `products` maps them to the pages to use
        (their translations, for an English story).
        """
        products = self.products if products is None else products
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
                    "page": self.page_by_slug(value["page"]).pk,
                    "external_url": "",
                }
            raw.append({"type": block_type, "value": value})
        return raw

    def image_block(self, value, key):
        picture = self.image(f"Illustration {key}", images.scene, value["scene"], key)
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
            pages[data["slug"]] = self.child_page(
                home,
                StandardPage,
                data["slug"],
                title=data["title"],
                intro=data["intro"],
                body=self.stream(data["body"], data["slug"]),
                show_in_menus=data["slug"] == "a-propos",
            )
        return pages

    def load_impact(self, home):
        data = content.IMPACT
        return self.child_page(
            home,
            ImpactPage,
            data["slug"],
            title=data["title"],
            intro=data["intro"],
            body=self.stream(data["body"], data["slug"]),
            show_in_menus=True,
        )

    def load_stories(self, index):
        stories = {}
        for data in content.STORIES:
            existing = index.get_children().filter(slug=data["slug"]).first()
            if existing:
                stories[data["slug"]] = existing.specific
                continue
            hero = self.image(
                f"Illustration {data['slug']}", images.scene, data["hero_scene"], data["slug"]
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
            record.save()
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
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
        self.count_created("translations")
        return translation

    def load_english(self, home, indexes):
        """English versions of the home, index, shop and plain pages, artisans and 3 stories."""
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
        for slug, data in english.PRODUCTS.items():
            page = self.products[slug]
            existing = page.get_translation_or_none(locale)
            if existing is not None:
                products[slug] = existing.specific
                continue
            pictures = list(page.gallery_images.all())
            for picture in pictures:
                picture.pk, picture.alt_text = None, data["alt"]
            fields = {key: value for key, value in data.items() if key != "alt"}
            products[slug] = self.translate(page, locale, gallery_images=pictures, **fields)
        for slug, data in english.STORIES.items():
            story = self.stories[slug]
            body = self.stream(data["body"], f"{slug}-en", products=products)
            fields = {key: value for key, value in data.items() if key != "body"}
            artisans_featured = [
                artisans[self.artisan_slug(artisan)] for artisan in story.artisans.all()
            ]
            self.translate(story, locale, body=body, artisans=artisans_featured, **fields)
        for slug, data in english.STANDARD_PAGES.items():
            body = self.stream(data["body"], f"{slug}-en")
            fields = {key: value for key, value in data.items() if key != "body"}
            self.translate(self.standard_pages[slug], locale, body=body, **fields)
        data = english.IMPACT
        fields = {key: value for key, value in data.items() if key != "body"}
        impact = ImpactPage.objects.child_of(home).get()
        self.translate(impact, locale, body=self.stream(data["body"], "impact-en"), **fields)

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
            ProductPage.objects.filter(pk=product.pk, stock=0).update(stock=quantity)
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
            lifecycle.mark_cash_paid(order, by=manager, note="Espèces reçues")
        if data["status"] == OrderStatus.FULFILLED:
            lifecycle.mark_fulfilled(order, by=manager, notify=False)
        if data["status"] == OrderStatus.CANCELLED:
            lifecycle.cancel(order, by=manager, note="Client injoignable après trois appels.")
        self.backdate(order, data["days_ago"])

    def backdate(self, order, days_ago):
        """Spread the order's history over the days before today, two days per step."""
        placed = timezone.now() - timedelta(days=days_ago, hours=2)
        moments = {}
        for step, change in enumerate(order.status_changes.order_by("pk")):
            moments[change.to_status] = placed + timedelta(days=2 * step)
            change.changed_at = moments[change.to_status]
            change.save(update_fields=["changed_at"])
        Order.objects.filter(pk=order.pk).update(
            created_at=placed,
            paid_at=moments.get(OrderStatus.PAID),
            fulfilled_at=moments.get(OrderStatus.FULFILLED),
            cancelled_at=moments.get(OrderStatus.CANCELLED),
        )
