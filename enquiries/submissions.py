"""The admin's listing and CSV export of an enquiry page's submissions.

Wagtail's own view (« Forms » in the admin menu, which checks that the user may edit
the form page), with answers shown as staff read them (`display_value`: amounts in the
shop's money format, makers by their public name today, picture links) and, for a
commission request, a link per submission to the shop's made-to-order view.
"""

from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.contrib.forms.views import SubmissionsListView


class EnquirySubmissionsListView(SubmissionsListView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.is_export:
            return context
        page = self.form_page
        names = [name for name, _label in page.get_data_fields()]
        by_id = {submission.pk: submission for submission in context["submissions"]}
        for row in context["data_rows"]:
            submission = by_id[row["model_id"]]
            data = submission.get_data()
            row["fields"] = [
                value if name == "submit_time" else page.display_value(name, data.get(name))
                for name, value in zip(names, row["fields"], strict=True)
            ]
            link = page.made_to_order_url(submission)
            if link:
                row["fields"].append(
                    format_html('<a href="{}">{}</a>', link, _("Create a made-to-order order"))
                )
        if any(page.made_to_order_url(submission) for submission in by_id.values()):
            context["data_headings"].append(
                {"name": "made_to_order", "label": _("Made to order"), "order": None}
            )
        return context

    def to_row_dict(self, item):
        data = item.get_data()
        return {
            name: data.get(name)
            if name == "submit_time"
            else self.form_page.display_value(name, data.get(name))
            for name in self.list_export
        }
