"""Clean images uploaded before metadata was removed on upload, and rebuild their renditions."""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from stories.image_metadata import strip_image_file


class Command(BaseCommand):
    help = "Remove EXIF/GPS, XMP and comments from every original image; renditions are remade."

    def handle(self, *args, **options):
        cleaned = 0
        for image in get_image_model().objects.all().iterator():
            if strip_image_file(image):
                image.save()
                image.renditions.all().delete()
                cleaned += 1
        self.stdout.write(f"{cleaned} images cleaned.")
