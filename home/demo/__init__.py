"""Demo content per area of the site, each module with a ``seed(command, home_page)`` that
``manage.py seed_demo`` calls."""
