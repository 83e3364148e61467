"""machina's URLs and nothing else."""

from django.urls import include, path
from machina import urls as machina_urls

urlpatterns = [path("forum/", include(machina_urls))]
