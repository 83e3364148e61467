"""machina's forum_moderation, with a topic-move form that works on Django 5."""
