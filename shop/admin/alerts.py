"""« Prévenez-moi » sign-ups in the admin: shop managers list them, and delete one on request.

Nobody adds or edits an alert here (the model grants only view and delete): shoppers sign
up on a sold piece and leave by the signed link in the message.
"""

from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import SimilarPieceAlert


class SimilarPieceAlertViewSet(ModelViewSet):
    model = SimilarPieceAlert
    icon = "mail"
    menu_label = gettext_lazy("Similar piece alerts")
    menu_order = 260
    add_to_admin_menu = True
    inspect_view_enabled = True
    form_fields = ["email", "phone"]  # required by the viewset; no one may change an alert
    list_display = [
        "product_title",
        "category",
        Column("contact", label=gettext_lazy("E-mail or phone")),
        "language",
        DateColumn("created_at", label=gettext_lazy("Signed up")),
        DateColumn("sent_at", label=gettext_lazy("Message sent")),
    ]
    list_filter = ["category", "language"]
    search_fields = ["product_title", "email", "phone"]
    ordering = ["-created_at", "-pk"]


similar_piece_alerts = SimilarPieceAlertViewSet("similar_piece_alerts")
