"""Spreadsheet exports from the admin that are safe to open.

Visitors type the names, organisations and messages that communicators export, and a CSV cell
starting with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) runs as a formula in Excel
and LibreOffice: ``=HYPERLINK(...)`` can send the data elsewhere. Such cells get a leading ``'``,
which spreadsheets show as text (OWASP's advice). XLSX cells are already written as text by Wagtail.
"""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_csv_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SafeCsvExportMixin:
    """For any view with Wagtail's ``SpreadsheetExportMixin``: every CSV cell neutralised."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise_csv_cell(value) if export_format == self.FORMAT_CSV else value
