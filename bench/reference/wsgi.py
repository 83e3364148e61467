"""The reference's WSGI application; bench/server.py sets DJANGO_SETTINGS_MODULE."""

from django.core.wsgi import get_wsgi_application

application = get_wsgi_application()
