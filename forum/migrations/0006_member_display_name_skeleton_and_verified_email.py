
from django.conf import settings
from django.db import migrations, models

from forum.membership.display_names import display_name_skeleton, normalise_display_name


def fill_skeletons_and_verified_addresses(apps, schema_editor):
    """Every member gets the skeleton of their display name. Of two members whose names already
    look the same, the later one's name gets a number, so that the constraint can hold; they can
    change it under "Mina uppgifter".

    Approved members count as having proved their address: they followed a link mailed to a
    verified domain, chose their password through the link in the approval mail, or were approved
    by a communicator who knows them. The others confirm it with the link they are sent now."""
    MemberProfile = apps.get_model("arena_forum", "MemberProfile")
    taken = set()
    for profile in MemberProfile.objects.select_related("user").order_by("created_at", "pk"):
        name = normalise_display_name(profile.display_name)
        candidate, number = name, 2
        while display_name_skeleton(candidate) in taken:
            candidate, number = f"{name[:94]} ({number})", number + 1
        profile.display_name = candidate
        profile.display_name_skeleton = display_name_skeleton(candidate)
        taken.add(profile.display_name_skeleton)
        if profile.is_approved:
            profile.verified_email = profile.user.email.lower()
        profile.save(update_fields=["display_name", "display_name_skeleton", "verified_email"])


class Migration(migrations.Migration):

    dependencies = [
        ('arena_forum', '0005_post_report_by_anyone'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='memberprofile',
            name='display_name_skeleton',
            field=models.TextField(default='', editable=False),
        ),
        migrations.AddField(
            model_name='memberprofile',
            name='verified_email',
            field=models.EmailField(blank=True, editable=False, max_length=254, verbose_name='bekräftad e-postadress'),
        ),
        migrations.RunPython(fill_skeletons_and_verified_addresses, migrations.RunPython.noop),
    ]
