from wagtail import hooks

from home.viewsets import EventRegistrationViewSet


@hooks.register("register_admin_viewset")
def register_event_registrations():
    return EventRegistrationViewSet()
