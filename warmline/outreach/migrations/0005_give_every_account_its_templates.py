from django.db import migrations


def add_defaults(apps, schema_editor):
    """Templates now come with the account instead of on first visit: give them to
    accounts that never opened a page that made them."""
    from warmline.outreach.message_text import DEFAULT_TEMPLATES

    User = apps.get_model("accounts", "User")
    MessageTemplate = apps.get_model("outreach", "MessageTemplate")
    for user in User.objects.exclude(messagetemplate__isnull=False):
        MessageTemplate.objects.bulk_create(
            MessageTemplate(owner=user, name=name, subject=subject, body=body, position=i)
            for i, (name, subject, body) in enumerate(DEFAULT_TEMPLATES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_fill_missing_calendar_tokens"),
        ("outreach", "0004_add_insights_indexes"),
    ]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
