"""Membership: organisations, member profiles, applications, registration and accounts."""
