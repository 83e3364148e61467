"""The admin dashboard's "Väntar på dig": what the person logged in may act on now, counted, each
with a link to where it is done.

Each app adds its own items without the apps importing each other: a function registered in the
app's ``wagtail_hooks.py`` with ``@hooks.register(WAITING_HOOK)`` takes the request and returns a
``Waiting`` or None (None when the user may not act on that kind of thing). ``home`` puts the
panel on the dashboard (``construct_homepage_panels``).
"""

from dataclasses import dataclass

from wagtail import hooks
from wagtail.admin.ui.components import Component

WAITING_HOOK = "arena_waiting_for_you"


@dataclass(frozen=True)
class Waiting:
    count: int
    one: str  # "1 ansökan om medlemskap"
    many: str  # "3 ansökningar om medlemskap", with {count}
    url: str
    order: int = 100

    @property
    def text(self):
        return self.one if self.count == 1 else self.many.format(count=self.count)


class WaitingForYouPanel(Component):
    name = "waiting_for_you"
    template_name = "dashboard/waiting_for_you.html"
    # Before Wagtail's own panels (pages awaiting review are 210).
    order = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        items = [item for hook in hooks.get_hooks(WAITING_HOOK) if (item := hook(self.request)) is not None]
        return {"waiting": sorted((item for item in items if item.count), key=lambda item: item.order)}
