"""Notifications to members: e-mail to topic subscribers and one-click unsubscribe."""
