from django.db import models
from wagtail.admin.panels import FieldPanel


class IntroductionMixin(models.Model):
    """An ingress: a few plain sentences under the page's heading that say what the page is about.
    Page types put ``panels`` where the ingress belongs among their own content panels."""

    introduction = models.TextField("ingress", blank=True, max_length=600)

    panels = [FieldPanel("introduction")]

    class Meta:
        abstract = True
