"""How documents are described to visitors next to their download links."""


def format_and_size(document):
    """The document's format and size for a download link, e.g. "PDF, 412 kB" or "DOCX, 1,2 MB".

    Sizes use SI units (1 kB = 1000 bytes) and a decimal comma, as Swedish readers expect.
    """
    file_format = document.file_extension.upper()
    size = document.get_file_size()
    if size is None:
        return file_format
    if size < 1_000_000:
        return f"{file_format}, {max(1, round(size / 1000))} kB"
    megabytes = f"{size / 1_000_000:.1f}".replace(".", ",")
    return f"{file_format}, {megabytes} MB"
