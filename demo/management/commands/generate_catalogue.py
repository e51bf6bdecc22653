"""Grow the demo to a catalogue of a given size, for benchmarks (`--products 3000`).

Adds workshops, artisans (with their private records and full consent), products (with
pictures reused from the demo's own images) and published stories showing them in
product cards, until the site has `--products` French products. Running it again with the
same number does nothing; with a larger one it adds the difference.

Pages are inserted in bulk under their index by `demo.catalogue` (about 8 s for 3 000
products, their artisans and stories, instead of 3 minutes one `add_child` at a time).
"""

import random
import time
from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from demo.catalogue import add_children_in_bulk, index_in_bulk
from shop.models import ProductCategory, ProductImage, ProductIndexPage, ProductPage
from stories.models import (
    ArtisanIndexPage,
    ArtisanPage,
    ArtisanRecord,
    StoryIndexPage,
    StoryPage,
    Workshop,
)
from stories.models.private import Identity

PRODUCTS_PER_ARTISAN = 6
ARTISANS_PER_WORKSHOP = 8
# One story for every STORY_EVERY new artisans (about one per 12 products).
STORY_EVERY = 2
SLUG_PREFIX = "gen-"

KINDS = [
    ("Tabouret", "en vène", "Tabouret trois pieds assemblé à tenons et mortaises."),
    ("Panier", "en raphia", "Panier tressé à la main, anses renforcées."),
    ("Tableau", "acrylique sur toile", "Peinture sur toile tendue sur châssis en bois."),
    ("Coussin", "en wax", "Housse cousue main, fermeture à glissière cachée."),
    ("Lampe", "en calebasse", "Lampe à poser, abat-jour ajouré à la main."),
    ("Sac", "en cuir", "Sac cousu sellier, doublure en coton."),
    ("Bol", "en terre cuite", "Bol tourné et cuit au four à bois."),
    ("Tapis", "en coton recyclé", "Tapis tissé sur métier à partir de chutes de tissu."),
]
FIRST_NAMES = [
    "Awa",
    "Moussa",
    "Fatou",
    "Cheikh",
    "Aïssatou",
    "Mamadou",
    "Khady",
    "Pape",
    "Ndèye",
    "Babacar",
    "Rama",
    "Alioune",
    "Seynabou",
    "Omar",
    "Dieynaba",
    "Lamine",
]
CITIES = [
    "Dakar",
    "Thiès",
    "Saint-Louis",
    "Ziguinchor",
    "Kaolack",
    "Tambacounda",
    "Rufisque",
    "Mbour",
    "Diourbel",
    "Louga",
]


class Command(BaseCommand):
    help = "Grow the demo to --products French products (adds artisans, workshops, stories)."

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, required=True, help="products wanted in all")

    def handle(self, *args, **options):
        started = time.perf_counter()
        product_index = ProductIndexPage.objects.filter(locale__language_code="fr").first()
        if product_index is None:
            raise CommandError("Load the demo first: manage.py load_demo")
        existing = ProductPage.objects.filter(locale_id=product_index.locale_id).count()
        missing = options["products"] - existing
        if missing <= 0:
            self.stdout.write(f"{existing} products already: nothing to add.")
            return
        generated = ProductPage.objects.filter(slug__startswith=SLUG_PREFIX).count()
        rng = random.Random(f"generate-catalogue-{generated}")
        with transaction.atomic():
            artisans = self.add_artisans(rng, -(-missing // PRODUCTS_PER_ARTISAN), product_index)
            products = self.add_products(rng, missing, generated, artisans, product_index)
            stories = self.add_stories(rng, products, product_index)
            for model, pages in (
                (ArtisanPage, artisans),
                (ProductPage, products),
                (StoryPage, stories),
            ):
                index_in_bulk(model, [page.pk for page in pages])
        self.stdout.write(
            f"Added {len(products)} products, {len(artisans)} artisans and {len(stories)} "
            f"stories ({existing + len(products)} products in all) in "
            f"{time.perf_counter() - started:.1f} s on {connection.vendor}."
        )

    def add_workshops(self, rng, count):
        first = Workshop.objects.filter(name__startswith="Atelier généré").count() + 1
        workshops = [
            Workshop(
                name=f"Atelier généré n° {number}",
                kind=rng.choice(Workshop.Kind.values),
                city=(city := rng.choice(CITIES)),
                region=city,
                description="Atelier ajouté pour les mesures de performance.",
            )
            for number in range(first, first + count)
        ]
        Workshop.objects.bulk_create(workshops)
        return list(Workshop.objects.filter(name__in=[workshop.name for workshop in workshops]))

    def add_artisans(self, rng, count, product_index):
        """Artisans with a pseudonym and full consent: their stories may be published."""
        index = ArtisanIndexPage.objects.get(locale_id=product_index.locale_id)
        workshops = self.add_workshops(rng, -(-count // ARTISANS_PER_WORKSHOP))
        first = ArtisanPage.objects.filter(slug__startswith=SLUG_PREFIX).count() + 1
        pages = []
        for number in range(first, first + count):
            name = f"{rng.choice(FIRST_NAMES)} {chr(65 + number % 26)}."
            kind = rng.choice(KINDS)
            pages.append(
                ArtisanPage(
                    title=name,
                    slug=f"{SLUG_PREFIX}artisan-{number:05d}",
                    workshop=workshops[(number - first) // ARTISANS_PER_WORKSHOP],
                    craft=f"{kind[0].lower()}s {kind[1]}",
                    profile=f"<p>{name} travaille à l'atelier depuis {2 + number % 6} ans.</p>",
                    is_anonymous=False,
                    shows_face=True,
                    shows_profile=True,
                )
            )
        add_children_in_bulk(index, pages)
        ArtisanRecord.objects.bulk_create(
            ArtisanRecord(
                artisan_id=page.pk,
                identity=Identity.PSEUDONYM,
                public_name=page.title,
                legal_name=f"Personne générée n° {page.slug[-5:]}",
                consent_name=True,
                consent_face=True,
                consent_story=True,
                consent_given_on=date(2025, 1, 1),
            )
            for page in pages
        )
        return pages

    def add_products(self, rng, count, generated, artisans, product_index):
        """Products made in several copies, one-of-a-kind pieces, and a few sold ones."""
        categories = list(ProductCategory.objects.order_by("pk"))
        pictures = list(
            ProductImage.objects.filter(product__locale_id=product_index.locale_id)
            .order_by("image_id")
            .values_list("image_id", flat=True)
            .distinct()
        )
        pages = []
        for offset in range(count):
            number = generated + offset + 1
            kind, material, description = rng.choice(KINDS)
            one_of_a_kind = rng.random() < 0.2
            stock = 1 if one_of_a_kind else rng.randint(2, 30)
            if rng.random() < 0.05:
                stock = 0  # sold before the benchmark: the page shows « Vendu »
            page = ProductPage(
                title=f"{kind} {material} n° {number}",
                slug=f"{SLUG_PREFIX}{number:05d}-{kind.lower()}",
                artisan=artisans[offset // PRODUCTS_PER_ARTISAN],
                category=rng.choice(categories),
                description=f"<p>{description}</p>",
                materials=material.removeprefix("en "),
                dimensions=f"{rng.randint(10, 120)} × {rng.randint(10, 80)} cm",
                artisan_price=rng.randrange(5_000, 150_000, 500),
                stock=stock,
                one_of_a_kind=one_of_a_kind,
            )
            pages.append(page)
        add_children_in_bulk(product_index, pages)
        ProductImage.objects.bulk_create(
            ProductImage(
                product_id=page.pk,
                image_id=pictures[(index + position) % len(pictures)],
                alt_text=f"{page.title}, vue {position + 1}",
                sort_order=position,
            )
            for index, page in enumerate(pages)
            for position in range(2)
        )
        return pages

    def add_stories(self, rng, products, product_index):
        """A story for every other artisan, with a card and a row of their products."""
        index = StoryIndexPage.objects.get(locale_id=product_index.locale_id)
        heroes = list(
            StoryPage.objects.exclude(hero_image=None)
            .order_by("hero_image_id")
            .values_list("hero_image_id", flat=True)
            .distinct()
        )
        by_artisan = {}
        for product in products:
            by_artisan.setdefault(product.artisan, []).append(product)
        first = StoryPage.objects.filter(slug__startswith=SLUG_PREFIX).count() + 1
        today = timezone.localdate()
        pages, featured = [], []
        for position, (artisan, made) in enumerate(list(by_artisan.items())[::STORY_EVERY]):
            number = first + position
            body = [
                {"type": "text", "value": f"<p>Une journée à l'atelier avec {artisan.title}.</p>"},
                {"type": "product_card", "value": {"product": made[0].pk, "text": "Sa pièce."}},
                {"type": "text", "value": "<p>Chaque pièce est finie à la main.</p>"},
            ]
            if len(made) > 1:
                row = {"heading": "Ses pièces", "products": [page.pk for page in made[1:5]]}
                body.append({"type": "product_row", "value": row})
            pages.append(
                StoryPage(
                    title=f"Portrait d'atelier n° {number} : {artisan.title}",
                    slug=f"{SLUG_PREFIX}histoire-{number:05d}",
                    standfirst=f"{artisan.title} raconte son métier et ce qu'il lui apporte.",
                    date=today - timedelta(days=rng.randint(0, 700)),
                    hero_image_id=heroes[number % len(heroes)] if heroes else None,
                    body=body,
                )
            )
            featured.append(artisan)
        if not pages:
            return []
        add_children_in_bulk(index, pages)
        StoryPage.artisans.through.objects.bulk_create(
            StoryPage.artisans.through(storypage_id=page.pk, artisanpage_id=artisan.pk)
            for page, artisan in zip(pages, featured, strict=True)
        )
        return pages
