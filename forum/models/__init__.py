"""The forum app's own models; machina's models are machina's (``machina.core.db.models.get_model``)."""

from .conclusions import MAX_CONCLUSION_LENGTH, Conclusion
from .discussions import PageDiscussion
from .membership import DISPLAY_NAME_TAKEN_MESSAGE, MemberProfile, MembershipApplication, Organisation, Sector
from .moderation import PostReport
from .notifications import DigestDelivery, ForumSubscription, Notice, NotificationSettings
from .reactions import Reaction

__all__ = [
    "DISPLAY_NAME_TAKEN_MESSAGE",
    "MAX_CONCLUSION_LENGTH",
    "Conclusion",
    "DigestDelivery",
    "ForumSubscription",
    "MemberProfile",
    "MembershipApplication",
    "Notice",
    "NotificationSettings",
    "Organisation",
    "PageDiscussion",
    "PostReport",
    "Reaction",
    "Sector",
]
