# A migration of its own: on PostgreSQL a table cannot be altered in the transaction that updated
# its rows (0006's skeletons) while their foreign-key checks are still pending.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('arena_forum', '0006_member_display_name_skeleton_and_verified_email'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='memberprofile',
            name='unique_member_display_name',
        ),
        migrations.AddConstraint(
            model_name='memberprofile',
            constraint=models.UniqueConstraint(fields=('display_name_skeleton',), name='unique_member_display_name_skeleton', violation_error_message='Visningsnamnet används redan av en annan medlem. Välj ett annat.'),
        ),
    ]
