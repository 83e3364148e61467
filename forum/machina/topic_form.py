"""machina's topic and reply views with forms that keep a post's text to markup.MAX_POST_LENGTH
characters, and a topic form that keeps an invalid poll question: machina's views read the
question from the form's cleaned data even when it is not valid (too long, or with a NUL
character in it) and fail with a KeyError instead of showing the form's errors. Topics are
started only in forums of type forum: machina lets anyone who may start topics start one in a
category or a link, where no forum page lists it.

A reply's subject is the topic's ("Re: …", machina's prefix), never asked for: the reply form and
the edit form of a reply have no subject field. "Bifoga signatur" starts unticked for a member
without a signature. The reply form quotes the post named by
``?quote=<post id>`` (quoting.py), when the member may read it. urls.py routes the views here."""

from django.http import Http404
from machina.conf import settings as machina_settings
from machina.core.db.models import get_model
from machina.core.loading import get_class

from .markup import validate_post_length
from .quoting import quotable_post, quote_markdown

ForumProfile = get_model("forum_member", "ForumProfile")
Post = get_model("forum_conversation", "Post")
PostForm = get_class("forum_conversation.forms", "PostForm")
TopicForm = get_class("forum_conversation.forms", "TopicForm")
PostCreateView = get_class("forum_conversation.views", "PostCreateView")
PostUpdateView = get_class("forum_conversation.views", "PostUpdateView")
TopicCreateView = get_class("forum_conversation.views", "TopicCreateView")
TopicUpdateView = get_class("forum_conversation.views", "TopicUpdateView")


def reply_subject(topic):
    subject = f"{machina_settings.TOPIC_ANSWER_SUBJECT_PREFIX} {topic.subject}"
    return subject[: Post._meta.get_field("subject").max_length]


def has_signature(user):
    return ForumProfile.objects.filter(user_id=user.pk).exclude(signature="").exclude(signature=None).exists()


class ArenaPostForm(PostForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_reply = self.topic is not None and not (self.instance.pk and self.instance.is_topic_head)
        if self.is_reply:
            del self.fields["subject"]
        if not self.instance.pk and not has_signature(self.user):
            self.fields["enable_signature"].initial = False

    def clean(self):
        cleaned_data = super().clean()
        if self.is_reply and not self.instance.pk:
            cleaned_data["subject"] = reply_subject(self.topic)
        return cleaned_data

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

    def get_post_form_kwargs(self):
        kwargs = super().get_post_form_kwargs()
        if self.request.method == "GET" and "quote" in self.request.GET:
            handler = self.request.forum_permission_handler
            post = quotable_post(self.request.user, handler, self.get_topic(), self.request.GET["quote"])
            if post is not None:
                kwargs["initial"] = {"content": quote_markdown(post)}
        return kwargs


class ArenaPostUpdateView(PostUpdateView):
    post_form_class = ArenaPostForm
