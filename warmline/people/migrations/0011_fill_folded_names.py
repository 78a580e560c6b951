from django.db import migrations

from warmline.people.search import fold


def fill(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    Organization = apps.get_model("people", "Organization")
    people = list(Person.objects.only("pk", "name", "title"))
    for person in people:
        person.folded_name, person.folded_title = fold(person.name), fold(person.title)
    Person.objects.bulk_update(people, ["folded_name", "folded_title"], batch_size=1000)
    organizations = list(Organization.objects.only("pk", "name"))
    for organization in organizations:
        organization.folded_name = fold(organization.name)
    Organization.objects.bulk_update(organizations, ["folded_name"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("people", "0010_folded_names_for_search")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
