"""Demo content for the member directory: the Medlemmar page. The organisations it lists are
seeded by home/demo/members.py, which seed_demo runs first."""

from home.models import MemberDirectoryPage

DIRECTORY = {
    "title": "Medlemmar",
    "slug": "medlemmar",
    "show_in_menus": True,
    "introduction": (
        "Här är organisationerna som är med i Arena Huddinge – från kommunen och dess bolag till "
        "företag av alla storlekar. Sök på namn eller välj sektor för att hitta rätt."
    ),
    "summary": "Medlemsorganisationerna i Arena Huddinge, från kommunen och från näringslivet.",
}


def seed(command, home_page):
    """Creates the directory page if it is missing."""
    command.ensure_child_page(home_page, MemberDirectoryPage, DIRECTORY)
