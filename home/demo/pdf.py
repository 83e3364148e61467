"""A tiny PDF writer for demo documents: A4 pages of headings and wrapped text in Helvetica.

Enough for a believable, valid PDF without an external program or library. Text is encoded
as Windows-1252 (WinAnsiEncoding), which covers Swedish letters and typographic dashes.
"""

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56
LEADING = 15
LINES_PER_PAGE = (PAGE_HEIGHT - 2 * MARGIN) // LEADING
STYLES = {"title": ("F2", 18), "heading": ("F2", 13), "text": ("F1", 11)}


def build_pdf(title, blocks):
    """A PDF document titled ``title`` from ``blocks``: (style, text) pairs, style one of
    "title", "heading" or "text". Returns the file's bytes."""
    lines = []
    for style, text in blocks:
        width = 60 if style == "title" else 90
        lines.extend((style, line) for line in textwrap.wrap(text, width))
        lines.append(("text", ""))
    pages = [lines[start : start + LINES_PER_PAGE] for start in range(0, len(lines), LINES_PER_PAGE)]

    # Objects 1 to 4 are fixed; each page then has a page object and a content stream.
    page_ids = [5 + 2 * index for index in range(len(pages))]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % page_id for page_id in page_ids), len(pages)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    for page_id, page_lines in zip(page_ids, pages, strict=True):
        stream = _content_stream(page_lines)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>"
            % (PAGE_WIDTH, PAGE_HEIGHT, page_id + 1)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    objects.append(b"<< /Title %s /Producer (Arena Huddinge) >>" % _text_string(title))
    return _assemble(objects, info_id=len(objects))


def _content_stream(lines):
    commands = [b"BT", b"%d TL" % LEADING, b"%d %d Td" % (MARGIN, PAGE_HEIGHT - MARGIN)]
    for style, text in lines:
        font, size = STYLES[style]
        commands.append(b"/%s %d Tf (%s) Tj T*" % (font.encode(), size, _escape(text)))
    commands.append(b"ET")
    return b"\n".join(commands)


def _escape(text):
    encoded = text.encode("cp1252", errors="replace")
    return encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _text_string(text):
    """A PDF text string in UTF-16 (with byte order mark), so any title survives."""
    return b"<FEFF%s>" % text.encode("utf-16-be").hex().upper().encode()


def _assemble(objects, info_id):
    output = bytearray(b"%PDF-1.4\n%\xe5\xe4\xf6\xc5\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_offset = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (len(objects) + 1, info_id)
    output += b"startxref\n%d\n%%%%EOF\n" % xref_offset
    return bytes(output)
