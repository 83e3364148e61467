"""Kommunikatörer also handle event registrations and membership: they read and export
registrations, decide applications, keep the organisation register and approve members."""

import importlib

from django.db import migrations

communicators = importlib.import_module("home.migrations.0003_communicators_and_review_workflow")

MODEL_PERMISSIONS = [
    ("home", "eventregistration", "view_eventregistration", "Can view anmälan"),
    ("home", "eventregistration", "change_eventregistration", "Can change anmälan"),
    ("home", "eventregistration", "delete_eventregistration", "Can delete anmälan"),
    ("arena_forum", "membershipapplication", "view_membershipapplication", "Can view ansökan"),
    ("arena_forum", "membershipapplication", "change_membershipapplication", "Can change ansökan"),
    ("arena_forum", "organisation", "view_organisation", "Can view medlemsorganisation"),
    ("arena_forum", "organisation", "add_organisation", "Can add medlemsorganisation"),
    ("arena_forum", "organisation", "change_organisation", "Can change medlemsorganisation"),
    ("arena_forum", "memberprofile", "view_memberprofile", "Can view medlem"),
    ("arena_forum", "memberprofile", "change_memberprofile", "Can change medlem"),
]


def grant(apps, schema_editor):
    group = apps.get_model("auth.Group").objects.get(name=communicators.GROUP_NAME)
    for app_label, model, codename, name in MODEL_PERMISSIONS:
        group.permissions.add(communicators.get_permission(apps, app_label, model, codename, name))


def revoke(apps, schema_editor):
    group = apps.get_model("auth.Group").objects.get(name=communicators.GROUP_NAME)
    group.permissions.remove(*group.permissions.filter(codename__in=[p[2] for p in MODEL_PERMISSIONS]))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_eventpage_description_new_blocks"),
        ("arena_forum", "0003_membership"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
