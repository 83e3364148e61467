from wagtail import hooks

from .discussions.viewsets import topic_chooser_viewset
from .membership.viewsets import MembershipViewSetGroup


@hooks.register("register_admin_viewset")
def register_membership_viewsets():
    return MembershipViewSetGroup()


@hooks.register("register_admin_viewset")
def register_topic_chooser():
    return topic_chooser_viewset
