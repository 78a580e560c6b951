from django.db import migrations


def add_defaults(apps, schema_editor):
    """The question bank now comes with the account instead of on first visit: give
    it to accounts that never opened a page that made it."""
    from warmline.meetings.question_bank import DEFAULT_QUESTIONS

    User = apps.get_model("accounts", "User")
    Question = apps.get_model("meetings", "Question")
    for user in User.objects.exclude(question__isnull=False):
        Question.objects.bulk_create(
            Question(owner=user, category=category, text=text, position=i)
            for i, (category, text) in enumerate(DEFAULT_QUESTIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_fill_missing_calendar_tokens"),
        ("meetings", "0003_add_insights_indexes"),
    ]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
