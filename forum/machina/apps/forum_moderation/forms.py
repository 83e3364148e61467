from django import forms
from machina.apps.forum_moderation import forms as machina_forms


class TopicMoveForm(machina_forms.TopicMoveForm):
    """machina's form marks the topic's own forum as a disabled choice with a dict as its label;
    Django 5 reads a dict as an option group, so the list offered an option "True" and choosing it
    ended in a server error. Here the choices are just the forums the topic can move to."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["forum"]
        field.widget = forms.Select()
        field.choices = [
            ("", "Välj forum"),
            *((forum.id, forum_label(forum)) for forum in self.allowed_forums if forum.id != self.topic.forum_id),
        ]

    def clean_forum(self):
        return next(forum for forum in self.allowed_forums if str(forum.id) == self.cleaned_data["forum"])


def forum_label(forum):
    """The forum's name after its category's, so that two forums of the same name are told apart."""
    return f"{forum.parent.name} › {forum.name}" if forum.parent_id else forum.name
