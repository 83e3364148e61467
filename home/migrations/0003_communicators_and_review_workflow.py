"""The "Kommunikatörer" group with what communicators need in the Wagtail admin, and the one-step
moderation workflow "Granskning" that they approve, assigned to the whole page tree.

Permissions that Django only creates after migrate (post_migrate) are created here with
get_or_create, the way Wagtail's own migrations do, so the migration works on a fresh database.
"""

from django.db import migrations

GROUP_NAME = "Kommunikatörer"
WORKFLOW_NAME = "Granskning"
TASK_NAME = "Godkännande av kommunikatör"

# (app_label, model, codename, name) of every model-level permission the group gets.
MODEL_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("wagtailimages", "image", "add_image", "Can add image"),
    ("wagtailimages", "image", "change_image", "Can change image"),
    ("wagtailimages", "image", "choose_image", "Can choose image"),
    ("wagtaildocs", "document", "add_document", "Can add document"),
    ("wagtaildocs", "document", "change_document", "Can change document"),
    ("wagtaildocs", "document", "choose_document", "Can choose document"),
    ("home", "sitesettings", "change_sitesettings", "Can change webbplatsinställningar"),
    ("wagtailsearchpromotions", "searchpromotion", "add_searchpromotion", "Can add search promotion"),
    ("wagtailsearchpromotions", "searchpromotion", "change_searchpromotion", "Can change search promotion"),
    ("wagtailsearchpromotions", "searchpromotion", "delete_searchpromotion", "Can delete search promotion"),
]
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
# Image and document permissions are granted per collection: on the root, they cover all.
COLLECTION_PERMISSIONS = {"add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"}


def get_permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create_communicators_and_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")

    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    for app_label, model, codename, name in MODEL_PERMISSIONS:
        permission = get_permission(apps, app_label, model, codename, name)
        if codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
        else:
            group.permissions.add(permission)
    for codename in PAGE_PERMISSIONS:
        permission = get_permission(apps, "wagtailcore", "page", codename, f"Can {codename.replace('_', ' ')}")
        GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission)

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(group)
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    # A page has one workflow; ours replaces Wagtail's default "Moderators approval" on the root.
    WorkflowPage.objects.filter(page=root_page).delete()
    WorkflowPage.objects.create(workflow=workflow, page=root_page)


def remove_communicators_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Task = apps.get_model("wagtailcore.Task")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")

    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name=TASK_NAME).delete()
    Group.objects.filter(name=GROUP_NAME).delete()
    default_workflow = Workflow.objects.filter(name="Moderators approval").first()
    root_page = Page.objects.filter(depth=1).first()
    if default_workflow and root_page and not WorkflowPage.objects.filter(page=root_page).exists():
        WorkflowPage.objects.create(workflow=default_workflow, page=root_page)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_contact_page"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [
        migrations.RunPython(create_communicators_and_workflow, remove_communicators_and_workflow),
    ]
