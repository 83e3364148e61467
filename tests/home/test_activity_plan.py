import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import ActivityPlanIndexPage, ActivityPlanPage, HomePage, NewsIndexPage, StandardPage
from tests.forum.factories import UserFactory
from tests.home.factories import ActivityPlanIndexPageFactory, ActivityPlanPageFactory, DocumentFactory, HomePageFactory

pytestmark = pytest.mark.usefixtures("media_root")


@pytest.fixture
def plan_index(home_page):
    return ActivityPlanIndexPageFactory(parent=home_page, introduction="Så arbetar vi år för år.")


def test_plan_page_shows_focus_areas_and_the_document(client, plan_index):
    document = DocumentFactory(title="Verksamhetsplan 2023", filename="verksamhetsplan-2023.pdf", size=412_000)
    plan = ActivityPlanPageFactory(
        parent=plan_index,
        year=2023,
        summary="Året då vi satsade på bostäder och jobb.",
        plan_document=document,
        focus_areas=[
            ("goal", {"title": "Dialogmöten", "description": "Fyra möten om året.", "status": "klar"}),
            ("goal", {"title": "Nya medlemmar", "description": "", "status": "planerad"}),
        ],
    )

    html = client.get(plan.url).content.decode()

    assert "<h1>Verksamhetsplan 2023</h1>" in html
    assert '<p class="lead">Året då vi satsade på bostäder och jobb.</p>' in html
    assert "<h2>Fokusområden 2023</h2>" in html
    assert '<h3 class="goal__title">Dialogmöten</h3>' in html
    assert 'Status: <span class="badge badge--klar">Klar</span>' in html
    assert 'Status: <span class="badge badge--planerad">Planerad</span>' in html
    assert f'<a href="{document.url}">Ladda ner verksamhetsplanen för 2023</a>' in html
    assert "(PDF, 412 kB)" in html


def test_index_lists_plans_newest_year_first(client, plan_index):
    ActivityPlanPageFactory(parent=plan_index, year=2022)
    ActivityPlanPageFactory(parent=plan_index, year=2024, plan_document=DocumentFactory(size=5_000))
    ActivityPlanPageFactory(parent=plan_index, year=2023)
    ActivityPlanPageFactory(parent=plan_index, year=2025, live=False)

    html = client.get("/verksamhetsplan/").content.decode()

    assert '<p class="lead">Så arbetar vi år för år.</p>' in html
    assert html.index("Verksamhetsplan 2024") < html.index("Verksamhetsplan 2023") < html.index("Verksamhetsplan 2022")
    assert "Verksamhetsplan 2025" not in html
    assert "Ladda ner verksamhetsplanen för 2024</a> (PDF, 5 kB)" in html


def test_index_without_plans_says_so(client, plan_index):
    html = client.get("/verksamhetsplan/").content.decode()

    assert "Ingen verksamhetsplan är publicerad ännu." in html


def test_year_must_be_unique_among_siblings(plan_index):
    ActivityPlanPageFactory(parent=plan_index, year=2023)
    other = ActivityPlanPageFactory(parent=plan_index, year=2024)

    other.year = 2023
    with pytest.raises(ValidationError) as error:
        other.full_clean()

    assert error.value.message_dict["year"] == [
        "Det finns redan en verksamhetsplan för 2023. Välj ett annat år eller redigera den befintliga."
    ]


def test_same_year_below_another_index_is_allowed(plan_index):
    ActivityPlanPageFactory(parent=plan_index, year=2023)
    other_home = HomePageFactory(slug="annan-start")
    other_index = ActivityPlanIndexPageFactory(parent=other_home)

    ActivityPlanPageFactory(parent=other_index, year=2023).full_clean()


def test_admin_form_rejects_a_new_plan_for_a_taken_year(plan_index):
    ActivityPlanPageFactory(parent=plan_index, year=2023)
    form_class = ActivityPlanPage.get_edit_handler().get_form_class()
    data = nested_form_data(
        {"title": "Verksamhetsplan 2023 igen", "slug": "2023-igen", "year": "2023", "focus_areas": streamfield([])}
    )

    form = form_class(data, instance=ActivityPlanPage(), parent_page=plan_index, for_user=UserFactory())

    assert not form.is_valid()
    assert form.errors["year"] == [
        "Det finns redan en verksamhetsplan för 2023. Välj ett annat år eller redigera den befintliga."
    ]


def test_admin_form_accepts_a_new_year(plan_index):
    ActivityPlanPageFactory(parent=plan_index, year=2023)
    form_class = ActivityPlanPage.get_edit_handler().get_form_class()
    data = nested_form_data(
        {"title": "Verksamhetsplan 2024", "slug": "2024", "year": "2024", "focus_areas": streamfield([])}
    )

    form = form_class(data, instance=ActivityPlanPage(), parent_page=plan_index, for_user=UserFactory())

    assert form.is_valid(), form.errors


def test_home_page_links_to_the_newest_published_plan(client, plan_index):
    ActivityPlanPageFactory(parent=plan_index, year=2022)
    published = ActivityPlanPageFactory(parent=plan_index, year=2023)
    ActivityPlanPageFactory(parent=plan_index, year=2024, live=False)

    html = client.get("/").content.decode()

    assert f'<a href="{published.url}">Läs verksamhetsplan för 2023</a>' in html
    assert "2024" not in html


def test_home_page_without_plans_has_no_plan_link(client, home_page):
    html = client.get("/").content.decode()

    assert "Läs verksamhetsplan" not in html


def test_home_page_finds_the_plan_in_one_query(plan_index, django_assert_num_queries):
    ActivityPlanPageFactory(parent=plan_index, year=2023)
    ActivityPlanPageFactory(parent=plan_index, year=2024)
    home = HomePage.objects.get()

    with django_assert_num_queries(1):
        assert home.newest_activity_plan().year == 2024


class TestActivityPlanPageTree(WagtailPageTestCase):
    def test_index_only_below_the_home_page(self):
        self.assertCanCreateAt(HomePage, ActivityPlanIndexPage)
        self.assertCanNotCreateAt(StandardPage, ActivityPlanIndexPage)
        self.assertCanNotCreateAt(Page, ActivityPlanIndexPage)
        self.assertCanNotCreateAt(NewsIndexPage, ActivityPlanIndexPage)

    def test_plans_only_below_the_index(self):
        self.assertCanCreateAt(ActivityPlanIndexPage, ActivityPlanPage)
        self.assertCanNotCreateAt(HomePage, ActivityPlanPage)
        self.assertCanNotCreateAt(ActivityPlanPage, ActivityPlanPage)

    def test_pages_are_routable_and_render(self):
        home = HomePageFactory()
        Site.objects.filter(is_default_site=True).update(root_page=home)
        index = ActivityPlanIndexPageFactory(parent=home)
        plan = ActivityPlanPageFactory(parent=index, year=2023)
        for page in (index, plan):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)


def test_editors_get_the_plan_form_in_swedish(admin_client, plan_index):
    response = admin_client.get(f"/admin/pages/add/home/activityplanpage/{plan_index.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    for label in ("År", "Fokusområden", "Verksamhetsplanen som dokument"):
        assert label in html


def test_admin_form_rejects_moving_a_plan_to_a_taken_year(plan_index):
    ActivityPlanPageFactory(parent=plan_index, year=2023)
    plan = ActivityPlanPageFactory(parent=plan_index, year=2024)
    form_class = ActivityPlanPage.get_edit_handler().get_form_class()
    data = nested_form_data({"title": plan.title, "slug": plan.slug, "year": "2023", "focus_areas": streamfield([])})

    form = form_class(data, instance=plan, parent_page=plan_index, for_user=UserFactory())

    assert not form.is_valid()
    assert form.errors["year"] == [
        "Det finns redan en verksamhetsplan för 2023. Välj ett annat år eller redigera den befintliga."
    ]


def test_only_one_plan_section_per_home_page(plan_index):
    assert not ActivityPlanIndexPage.can_create_at(plan_index.get_parent())
