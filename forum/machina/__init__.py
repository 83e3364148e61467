"""Everything that adapts django-machina: URLs, topic form, middleware, markup, attachments,
private storage, post search and sector counts, and our versions of two machina apps (``apps/``)."""
