"""Conclusions (slutsatser): a conversation closed with a recorded outcome."""
