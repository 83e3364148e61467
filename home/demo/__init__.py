"""Demo content for `manage.py seed_demo`, one module per area of the site."""
