"""machina's forum_attachments, with files in private storage and limits on what is uploaded."""
