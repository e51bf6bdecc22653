"""The product editor's form: stock is a live count, not content.

Once a product exists its stock moves with every sale, so the editor shows the
count the database holds now, read-only, with a link to "Adjust stock". Drafts,
revisions and publications then never carry a stock count back (see `shop.stock`).
"""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm


class ProductPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("stock")
        if field is None or self.instance.pk is None:
            return  # a new product: its first stock is typed here
        live_stock = (
            type(self.instance)
            .objects.filter(pk=self.instance.pk)
            .values_list("stock", flat=True)
            .first()
        )
        field.disabled = True
        self.initial["stock"] = live_stock
        user = getattr(self, "for_user", None)
        if user is not None and user.has_perm("shop.adjust_stock"):
            field.help_text = format_html(
                '{} <a href="{}">{}</a>',
                _("Pieces for sale now, kept up to date by sales."),
                reverse("shop_stock_adjust", args=[self.instance.pk]),
                _("Adjust stock"),
            )
        else:
            field.help_text = _(
                "Pieces for sale now, kept up to date by sales. Shop managers adjust it."
            )
