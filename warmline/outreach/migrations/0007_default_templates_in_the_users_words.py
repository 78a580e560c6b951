"""The default message templates no longer speak for the user (no "ten years
teaching", no "a friend suggested", no account name as a signature). Copies the user
never edited get the new text; edited ones stay as the user wrote them.

The new texts are written out here, not imported, so this migration means the same
thing whatever the defaults become later; the retired ones never change."""

from django.db import migrations

from warmline.outreach.message_text import RETIRED_DEFAULTS

# The retired texts are history and never change: one copy, in message_text.
OLD = RETIRED_DEFAULTS

NEW = {
    "Request for advice": (
        "A request for advice",
        "Hi {first_name},\n\n{introducer} suggested I get in touch with you.\n\n"
        "{my_story}\n\nCould I have twenty minutes of your time for advice? I would "
        "value your view of your work and what you wish you had known starting out."
        "\n\nThank you,\n{my_name}",
    ),
    "Follow-up": (
        "Following up",
        "Hi {first_name},\n\nI wanted to follow up on my earlier note. I know you are "
        "busy; if twenty minutes for advice in the next few weeks works, I would be "
        "grateful.\n\nBest,\n{my_name}",
    ),
    "Thank-you": (
        "Thank you",
        "Hi {first_name},\n\nThank you for your time and your advice. [What was most "
        "useful, in a sentence or two.]\n\nWith thanks,\n{my_name}",
    ),
    "Update to an introducer": (
        "How my conversation with {first_name} went",
        "Hi {introducer},\n\nI met {name} thanks to you. [What was useful.]\n\n"
        "Thank you again for the introduction.\n\n{my_name}",
    ),
}


def same_text(a, b):
    """Saving a template unchanged from the web turns its line ends into CRLF."""
    return a.replace("\r\n", "\n").strip() == b.replace("\r\n", "\n").strip()


def untouched(template):
    old = OLD.get(template.name)
    return (
        old is not None
        and same_text(template.subject, old[0])
        and same_text(template.body, old[1])
    )


def renew_untouched_defaults(apps, schema_editor):
    MessageTemplate = apps.get_model("outreach", "MessageTemplate")
    for template in MessageTemplate.objects.filter(name__in=list(OLD)):
        if untouched(template):
            template.subject, template.body = NEW[template.name]
            template.save(update_fields=["subject", "body"])


class Migration(migrations.Migration):
    dependencies = [("outreach", "0006_dates_1900_to_2100")]

    operations = [
        migrations.RunPython(renew_untouched_defaults, migrations.RunPython.noop)
    ]
