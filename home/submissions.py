"""The contact form's stored messages in the admin (Wagtail's submissions listing)."""

from wagtail.contrib.forms.views import SubmissionsListView

from arena.exports import SafeCsvExportMixin


class ContactSubmissionsListView(SafeCsvExportMixin, SubmissionsListView):
    """Messages exported as CSV without cells that a spreadsheet would run as formulas."""
