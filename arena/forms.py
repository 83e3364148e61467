"""Form fields shared by the forms anyone can send."""

import re

from django import forms

# Control characters and Unicode's line and paragraph separators; not NUL, which Django's own
# validator refuses with a message of its own.
LINE_BREAKING = re.compile(r"[\x01-\x1f\x7f-\x9f\u2028\u2029]")


class SingleLineCharField(forms.CharField):
    """A one-line answer stays one line: line breaks, tabs and other control characters become
    spaces, and runs of spaces one. What is typed into a name ends up in e-mail sent from the
    association's address, where a line break would let it add paragraphs of its own."""

    def to_python(self, value):
        value = super().to_python(value)
        return " ".join(LINE_BREAKING.sub(" ", value).split())
