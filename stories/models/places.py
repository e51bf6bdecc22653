"""The places where artisans work."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from shop.publication import PublicationCheckedSnippetForm


@register_snippet
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

    def save(self, *args, **kwargs):
        """Save; anonymous artisans are named after their workshop, so rename them too."""
        from ..consent import refresh_artisan  # the service imports the models

        renamed = (
            self.pk is not None
            and Workshop.objects.filter(pk=self.pk).exclude(name=self.name).exists()
        )
        super().save(*args, **kwargs)
        if renamed:
            for artisan_id in self.artisans.values_list("pk", flat=True):
                refresh_artisan(artisan_id)
