"""Moderation of forum posts: reports from readers, hiding a post or dismissing the report."""
