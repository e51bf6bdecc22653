from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Stories and artisans")

    def ready(self):
        from wagtail.images import get_image_model

        from . import (
            checks,  # noqa: F401 - registers the deployment checks
            consent,  # noqa: F401 - connects the safety nets' receivers
            history,  # noqa: F401 - connects its consent_changed receiver
        )
        from .access import set_up_private_access
        from .image_metadata import strip_new_image_files
        from .notifications import connect_signals as connect_workflow_emails

        # Every original is cleaned of EXIF/GPS before it reaches storage.
        pre_save.connect(strip_new_image_files, sender=get_image_model())
        post_migrate.connect(set_up_private_access, sender=self)
        connect_workflow_emails()
