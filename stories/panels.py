"""Admin panels that show editors what consent allows, without showing private details."""

from wagtail.admin.panels import Panel


class PublicIdentityPanel(Panel):
    """Read-only: the artisan's public name and what their consent covers today.

    Editors see the identity level and the consent dates, never the legal
    name, notes or documents: those stay in the private record.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "stories/panels/public_identity.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            record = page.get_private_record()
            context["identity"] = page.derive_public_identity()
            context["record"] = record
            context["coverage"] = record.coverage() if record else None
            return context
