"""The places where artisans work."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from shop.publication import PublicationCheckedSnippetForm

from ..signals import consent_to_apply


class Workshop(index.Indexed, models.Model):
    """A place where artisans work: a prison workshop or a training centre."""

    class Kind(models.TextChoices):
        PRISON = "prison", _("Prison workshop")
        TRAINING_CENTRE = "training_centre", _("Training centre")
        RETURN_WORKSHOP = "return_workshop", _("Workshop for people after release")

    name = models.CharField(_("name"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    city = models.CharField(_("city"), max_length=80, blank=True)
    region = models.CharField(
        _("region"), max_length=80, help_text=_("Shown to shoppers, e.g. « Dakar » or « Thiès ».")
    )
    description = models.TextField(_("description"), blank=True)

    # Its name and region are shown on artisan pages and cards: every save is checked.
    base_form_class = PublicationCheckedSnippetForm
    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("city"),
        FieldPanel("region"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("region")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    def __str__(self):
        return self.name

    def artisan_ids_to_refresh(self):
        """Artisan pages a save of this workshop renames, read before saving.

        Anonymous artisans are named after their workshop (« Artisan anonyme, Atelier du
        Fleuve »): when its name changes, each of its artisans' consent is applied again.
        """
        renamed = (
            self.pk is not None
            and Workshop.objects.filter(pk=self.pk).exclude(name=self.name).exists()
        )
        return list(self.artisans.values_list("pk", flat=True)) if renamed else []

    def save(self, *args, apply_consent=True, **kwargs):
        """Save; a workshop saved without `stories.consent.save_workshop` renames its artisans.

        The workshop's admin views save through that service, which saves with
        `apply_consent=False`, renames the artisans in the same transaction and returns
        what changed. This safety net is for any other save (a shell, a script, a data
        fix): without it, anonymous artisans would go on showing the old name. It
        asks the service through `stories.signals.consent_to_apply`, at once, as the
        service would: a rename moves no file.
        """
        artisan_ids = self.artisan_ids_to_refresh() if apply_consent else []
        super().save(*args, **kwargs)
        if artisan_ids:
            consent_to_apply.send(sender=Workshop, artisan_ids=artisan_ids)
