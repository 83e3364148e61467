from wagtail import hooks

from .membership_admin import MembershipViewSetGroup


@hooks.register("register_admin_viewset")
def register_membership_viewsets():
    return MembershipViewSetGroup()
