import secrets

from django.db import migrations


def fill(apps, schema_editor):
    """Every account has a calendar address from the start now: give one to those
    that never opened the calendar page."""
    User = apps.get_model("accounts", "User")
    for user in User.objects.filter(calendar_token=""):
        user.calendar_token = secrets.token_urlsafe(24)
        user.save(update_fields=["calendar_token"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_calendar_token_from_the_start_and_goal_limits")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
