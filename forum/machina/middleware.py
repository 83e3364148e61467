from .permissions import PermissionHandler


class ForumPermissionMiddleware:
    """Attaches the forum's permission handler (forum/machina/permissions.py) to each request, like
    machina's own middleware, but without giving every anonymous visitor a session.

    machina stores a random "forum key" in the session of each anonymous visitor so that anonymous
    posts and poll votes can be told apart. Anonymous visitors here only read, so they need no
    key, and public pages stay free of cookies (and cacheable).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.forum_permission_handler = PermissionHandler()
        return self.get_response(request)
