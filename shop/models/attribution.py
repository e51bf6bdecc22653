"""Which stories bring shoppers to products: views of a story's product links, per day."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import relations


class StoryProductView(models.Model):
    """How many visitors opened a product's page from a story's link on a given day.

    Counted by `shop.attribution.record_story_view`, at most once per visitor's session
    a day. The story is named by its label (`shop.relations`): the shop imports no other app.
    """

    story = models.ForeignKey(
        relations.STORY,
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="product_views",
    )
    product = models.ForeignKey(
        "shop.ProductPage",
        verbose_name=_("product"),
        on_delete=models.CASCADE,
        related_name="story_views",
    )
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("product view from a story")
        verbose_name_plural = _("product views from stories")
        default_permissions = ()
        permissions = [("view_story_report", _("Can see which stories bring buyers"))]
        constraints = [
            models.UniqueConstraint(
                fields=["story", "product", "day"], name="unique_story_product_view_per_day"
            )
        ]

    def __str__(self):
        return f"{self.story_id} → {self.product_id} ({self.day}): {self.views}"
