"""machina's topic and reply views with forms that keep a post's text to markup.MAX_POST_LENGTH
characters, and a topic form that keeps an invalid poll question: machina's views read the
question from the form's cleaned data even when it is not valid (too long, or with a NUL
character in it) and fail with a KeyError instead of showing the form's errors. Topics are
started only in forums of type forum: machina lets anyone who may start topics start one in a
category or a link, where no forum page lists it. urls.py routes the views here."""

from django.http import Http404
from machina.core.loading import get_class

from .markup import validate_post_length

PostForm = get_class("forum_conversation.forms", "PostForm")
TopicForm = get_class("forum_conversation.forms", "TopicForm")
PostCreateView = get_class("forum_conversation.views", "PostCreateView")
PostUpdateView = get_class("forum_conversation.views", "PostUpdateView")
TopicCreateView = get_class("forum_conversation.views", "TopicCreateView")
TopicUpdateView = get_class("forum_conversation.views", "TopicUpdateView")


class ArenaPostForm(PostForm):
    def clean_content(self):
        content = self.cleaned_data["content"]
        validate_post_length(content)
        return content


class ArenaTopicForm(ArenaPostForm, TopicForm):
    def clean(self):
        cleaned_data = super().clean()
        # Read as blank, an invalid question makes the views skip the poll options and show the
        # form, which stays invalid, with its errors.
        if "poll_question" in self.fields:
            self.cleaned_data.setdefault("poll_question", "")
        return cleaned_data


class ArenaTopicCreateView(TopicCreateView):
    post_form_class = ArenaTopicForm

    def get_forum(self):
        forum = super().get_forum()
        if not forum.is_forum:
            raise Http404("Nya ämnen kan bara startas i ett forum, inte i en kategori eller en länk.")
        return forum


class ArenaTopicUpdateView(TopicUpdateView):
    post_form_class = ArenaTopicForm


class ArenaPostCreateView(PostCreateView):
    post_form_class = ArenaPostForm


class ArenaPostUpdateView(PostUpdateView):
    post_form_class = ArenaPostForm
