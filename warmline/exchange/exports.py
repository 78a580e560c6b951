"""Taking data out: people as CSV and vCard 4.0, and everything as versioned JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any, cast

import vobject
from django.db import models
from django.utils import timezone

from warmline import __version__
from warmline.accounts.models import User
from warmline.exchange import schema
from warmline.exchange.formulas import neutralise
from warmline.people.models import Person
from warmline.people.queries import PersonDict, people_as_dicts

FORMAT_VERSION = 2
# The columns are the keys of the one shape people_as_dicts returns.
CSV_COLUMNS = list(PersonDict.__annotations__)


def _cell(value: Any) -> Any:
    return "; ".join(value) if isinstance(value, list) else value


def people_csv(owner: User) -> str:
    """People as CSV, one column for each key of people_as_dicts."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in people_as_dicts(
        Person.objects.filter(owner=owner).order_by("name", "id")
    ):
        cells = cast(dict[str, Any], row)
        writer.writerow([neutralise(_cell(cells[c])) for c in CSV_COLUMNS])
    return out.getvalue()


def people_vcards(owner: User) -> str:
    """One vCard 4.0 per person, readable by vobject and address books alike."""
    cards = []
    people = Person.objects.filter(owner=owner).select_related("organization")
    people = people.prefetch_related("emails", "phones", "tags")
    for person in people.order_by("name", "id"):
        card = vobject.vCard()
        card.add("version").value = "4.0"
        card.add("fn").value = person.name
        given, family = person.name_parts
        card.add("n").value = vobject.vcard.Name(family=family, given=given)
        card.add("uid").value = f"urn:warmline:person:{person.pk}"
        for email in person.emails.all():
            prop = card.add("email")
            prop.value = email.address
            if email.label:
                prop.type_param = email.label
        for phone in person.phones.all():
            prop = card.add("tel")
            prop.value = phone.number
            if phone.label:
                prop.type_param = phone.label
        if person.organization:
            card.add("org").value = [person.organization.name]
        if person.title:
            card.add("title").value = person.title
        if person.linkedin_url:
            card.add("url").value = person.linkedin_url
        if person.notes:
            card.add("note").value = person.notes
        if tags := [tag.name for tag in person.tags.all()]:
            card.add("categories").value = tags
        cards.append(card.serialize())
    return "".join(cards)


def plain(value: Any) -> Any:
    """A value as JSON holds it: dates and times in ISO 8601."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def everything(owner: User) -> dict[str, Any]:
    """All the owner's data, in the shape docs/export-format.md describes."""
    data: dict[str, Any] = {
        "format": "warmline-export",
        "version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": timezone.now().isoformat(),
        "user": {
            f.attname: plain(getattr(owner, f.attname)) for f in schema.user_fields()
        },
    }
    # Export ids number each record type's rows in primary-key order.
    ids: dict[str, dict[int, int]] = {}
    for record in schema.record_types():
        data[record.key] = _records(owner, record, ids)
    return data


def _records(
    owner: User, record: schema.RecordType, ids: dict[str, dict[int, int]]
) -> list[dict[str, Any]]:
    rows = list(
        record.model._default_manager.filter(**{record.owner_path: owner})
        .order_by("pk")
        .values("pk", *(f.attname for f in record.fields))
    )
    ids[record.label] = {row["pk"]: n for n, row in enumerate(rows, 1)}
    many = {m.name: _pairs(m, owner, record.owner_path, ids) for m in record.many}
    out = []
    for row in rows:
        item: dict[str, Any] = {"id": ids[record.label][row["pk"]]}
        for field in record.fields:
            item[field.attname] = plain(_export_value(record, field, row, ids))
        for name, pairs in many.items():
            item[name] = pairs.get(row["pk"], [])
        out.append(item)
    return out


def _export_value(
    record: schema.RecordType,
    field: models.Field,
    row: dict[str, Any],
    ids: dict[str, dict[int, int]],
) -> Any:
    value = row[field.attname]
    if field.is_relation and value is not None:
        return ids[schema.related_label(field)].get(value)
    if target := record.id_list_target(field):
        return [ids[target][pk] for pk in value or [] if pk in ids[target]]
    return value


def _pairs(
    field: models.ManyToManyField,
    owner: User,
    owner_path: str,
    ids: dict[str, dict[int, int]],
) -> dict[int, list[int]]:
    """A many-to-many as lists of export ids, read from its through table at once."""
    through = schema.through(field)
    source = field.m2m_field_name()
    target = field.m2m_reverse_field_name()
    theirs = ids[schema.related_label(field)]
    pairs: dict[int, list[int]] = {}
    rows = through._default_manager.filter(
        **{f"{source}__{owner_path}": owner}
    ).values_list(f"{source}_id", f"{target}_id")
    for pk, other in rows:
        if other in theirs:
            pairs.setdefault(pk, []).append(theirs[other])
    return {pk: sorted(found) for pk, found in pairs.items()}
