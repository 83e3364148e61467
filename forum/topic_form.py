"""A fix for machina's topic views (new topic, edit topic): they read the poll question from the
form's cleaned data even when the question is not valid (too long, or with a NUL character in it),
and fail with a KeyError instead of showing the form's errors."""

from machina.core.loading import get_class


def keep_invalid_poll_question_blank():
    """Makes an invalid poll question read as blank in machina's TopicForm's cleaned data: the
    views then skip the poll options and show the form, which stays invalid, with its errors."""
    topic_form = get_class("forum_conversation.forms", "TopicForm")
    machina_clean = topic_form.clean

    def clean(form):
        cleaned_data = machina_clean(form)
        if "poll_question" in form.fields:
            form.cleaned_data.setdefault("poll_question", "")
        return cleaned_data

    topic_form.clean = clean
