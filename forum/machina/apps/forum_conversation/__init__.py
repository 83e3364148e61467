"""Only a namespace: machina nests forum_attachments in forum_conversation and its class loader
looks the app up by that path. forum_conversation itself is still machina's own app."""
