"""Reading a JSON export back into an empty account: the same data, new ids.

Every record type is read as `schema` describes it, so whatever the export writes is
read back. A version-1 file is first upgraded to version 2 (`json_v1`). All or
nothing: one transaction, and any problem is an ImportFileError naming the file, the
record and what is wrong.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils import timezone

from warmline.accounts.models import User
from warmline.core.ranges import check_date
from warmline.exchange import json_v1, schema
from warmline.exchange.exports import FORMAT_VERSION
from warmline.exchange.rows import ImportFileError, decode
from warmline.meetings.models import Question
from warmline.meetings.question_bank import DEFAULT_QUESTIONS
from warmline.outreach.message_text import DEFAULT_TEMPLATES
from warmline.outreach.models import MessageTemplate
from warmline.outreach.services import renew_retired_defaults
from warmline.people import derived

FORMAT = "warmline-export"
Ids = dict[str, dict[Any, int]]  # per model label: export id -> database id


def read_export(raw: bytes, filename: str) -> dict[str, Any]:
    """The export in a file's bytes, or an ImportFileError saying what is wrong."""
    try:
        data = json.loads(decode(raw, filename))
    except json.JSONDecodeError as error:
        raise ImportFileError(
            filename, error.lineno, f"not valid JSON ({error.msg})."
        ) from None
    except RecursionError:
        raise ImportFileError(filename, None, "JSON nested too deeply.") from None
    if where := _unstorable_text(data):
        raise ImportFileError(
            filename,
            None,
            f"{where} holds a NUL or half a surrogate pair, which no text can store.",
        )
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportFileError(
            filename,
            None,
            'not a Warmline JSON export (no "format": "warmline-export").',
        )
    return data


def _unstorable_text(data: Any) -> str:
    """Where a string (key or value) holds what neither database can store, or ""."""
    stack: list[tuple[str, Any]] = [("the export", data)]
    while stack:  # a loop, not recursion: nesting is as deep as the file says
        where, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                stack.append((f"{where} key", key))
                stack.append((f"{where}.{key}"[:80], item))
        elif isinstance(value, list):
            stack.extend((f"{where}[{n}]", item) for n, item in enumerate(value))
        elif isinstance(value, str) and not _storable(value):
            return where
    return ""


def _storable(text: str) -> bool:
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a "\ud800" escape
        return False
    return True


def import_everything(
    owner: User, data: dict[str, Any], filename: str = "export"
) -> dict[str, int]:
    """Recreate a JSON export for `owner`, whose account must be empty; count rows."""
    version = data.get("version")
    if version == 1:
        try:
            data = json_v1.upgrade(data)
        except (AttributeError, KeyError, TypeError):
            raise ImportFileError(
                filename, None, "a version-1 export whose records are malformed."
            ) from None
    elif version != FORMAT_VERSION:
        raise ImportFileError(
            filename,
            None,
            f"export version {version!r}, which this Warmline cannot read "
            f"(it reads 1 and {FORMAT_VERSION}).",
        )
    if held := _held(owner):
        raise ImportFileError(
            filename,
            None,
            f"the account {owner.username!r} already has data ({held}); "
            "import into an empty account.",
        )
    try:
        with transaction.atomic():
            return _import(owner, data, strict=version == FORMAT_VERSION)
    except DatabaseError as error:  # a constraint the rows break, e.g. a repeat
        raise ImportFileError(
            filename, None, f"the database refused it: {error}."
        ) from None
    except _BadRecord as error:
        raise ImportFileError(filename, None, str(error)) from None


# What every account starts with: left as it came, it is no data of the user's, and
# the file's own replace it.
STARTERS: list[
    tuple[type[models.Model], tuple[str, ...], Sequence[tuple[str, ...]]]
] = [
    (MessageTemplate, ("name", "subject", "body"), DEFAULT_TEMPLATES),
    (Question, ("category", "text"), DEFAULT_QUESTIONS),
]


def _untouched_starters(owner: User) -> set[type[models.Model]]:
    return {
        model
        for model, fields, defaults in STARTERS
        if list(
            model._default_manager.filter(owner=owner)
            .order_by("position", "id")
            .values_list(*fields)
        )
        == [tuple(row) for row in defaults]
    }


def _held(owner: User) -> str:
    starters = _untouched_starters(owner)
    counts = [
        f"{n} {record.key.replace('_', ' ')}"
        for record in schema.record_types()
        if record.owner_path == schema.OWNER
        and record.model not in starters
        and (n := record.model._default_manager.filter(owner=owner).count())
    ]
    return ", ".join(counts)


class _BadRecord(Exception):
    pass


def _import(owner: User, data: dict[str, Any], *, strict: bool) -> dict[str, int]:
    for model in _untouched_starters(owner):
        model._default_manager.filter(owner=owner).delete()
    _import_user(owner, data.get("user"), strict=strict)
    ids: Ids = {}
    stamps: list[tuple[type[models.Model], list[models.Model], list[str]]] = []
    counts = {}
    for record in schema.record_types():
        rows = data.get(record.key, [] if not strict else None)
        if not isinstance(rows, list):
            raise _BadRecord(f'"{record.key}" should be a list of records.')
        objects = [
            _build(owner, record, row, f"{record.key}[{n}]", ids, strict=strict)
            for n, row in enumerate(rows)
        ]
        saved = _insert(record.model, [obj for obj, _ in objects])
        ids[record.label] = {
            row["id"]: obj.pk for row, obj in zip(rows, saved, strict=True)
        }
        if len(ids[record.label]) < len(rows):
            raise _BadRecord(f'"{record.key}" repeats an id.')
        for many in record.many:
            _link(many, rows, saved, ids, record.key)
        timestamps = [f for f in record.fields if schema.is_timestamp(f)]
        for obj, values in objects:
            for field in timestamps:
                if field.attname in values:  # put back what Django stamped "now"
                    setattr(obj, field.attname, values[field.attname])
        if timestamps and saved:
            stamps.append((record.model, saved, [f.attname for f in timestamps]))
        counts[record.key] = len(saved)
    for model, saved, names in stamps:
        model._default_manager.bulk_update(saved, names, batch_size=500)
    # After the dates: when someone joined follows from when they were added.
    derived.network_changed(owner.pk)
    # An older export holds default templates that spoke for the user.
    renew_retired_defaults(owner.pk)
    return counts


def _import_user(owner: User, user: Any, *, strict: bool) -> None:
    if not isinstance(user, dict):
        raise _BadRecord('"user" should be an object.')
    names = []
    for field in schema.user_fields():
        if field.attname in schema.ACCOUNT_IDENTITY:
            continue
        if field.attname in user:
            setattr(owner, field.attname, _value(field, user[field.attname], "user"))
            names.append(field.attname)
        elif strict:
            raise _BadRecord(f'user has no "{field.attname}".')
    owner.save(update_fields=names)


def _build(
    owner: User,
    record: schema.RecordType,
    row: Any,
    where: str,
    ids: Ids,
    *,
    strict: bool,
) -> tuple[models.Model, dict[str, Any]]:
    """An unsaved row, and the values read for it."""
    if not isinstance(row, dict) or not isinstance(row.get("id"), int):
        raise _BadRecord(f"{where} should be an object with a whole-number id.")
    if unknown := set(row) - set(record.keys()):
        raise _BadRecord(f"{where} has unknown keys: {', '.join(sorted(unknown))}.")
    if strict and (missing := set(record.keys()) - set(row)):
        raise _BadRecord(f"{where} lacks keys: {', '.join(sorted(missing))}.")
    values: dict[str, Any] = {}
    for field in record.fields:
        if field.attname not in row:
            continue  # an older version's file: the model's default
        raw, at = row[field.attname], f"{where}.{field.attname}"
        if field.is_relation:
            values[field.attname] = _resolve(schema.related_label(field), raw, at, ids)
        elif target := record.id_list_target(field):
            if not isinstance(raw, list):
                raise _BadRecord(f"{at} should be a list of ids.")
            values[field.attname] = [_resolve(target, pk, at, ids) for pk in raw]
        else:
            values[field.attname] = _value(field, raw, at)
        if values[field.attname] is None and not field.null:
            raise _BadRecord(f"{at} may not be null.")
    if record.owner_path == schema.OWNER:
        values_with_owner = {**values, schema.OWNER: owner}
    else:
        values_with_owner = values
    return record.model(**values_with_owner), values


def _value(field: models.Field, raw: Any, at: str) -> Any:
    """A value as the model's field reads and checks it: its type, its choices,
    length and format, as a form would; then what the databases differ on or an
    importer allows less of: whole numbers in the range PostgreSQL holds (SQLite
    holds more), links http(s) only, dates in the years 1900-2100 with a zone."""
    try:
        value = field.clean(raw, None)
    except ValidationError as error:
        raise _BadRecord(f"{at}: {' '.join(error.messages)}") from None
    except (TypeError, ValueError, OverflowError):  # e.g. a list where a date goes
        raise _BadRecord(f"{at}: {raw!r:.40} is not a valid value.") from None
    if problem := _beyond_limits(field, value):
        raise _BadRecord(f"{at}: {problem}")
    return value


def _beyond_limits(field: models.Field, value: Any) -> str:
    kind = field.get_internal_type()
    if isinstance(value, int) and kind in BaseDatabaseOperations.integer_field_ranges:
        low, high = BaseDatabaseOperations.integer_field_ranges[kind]
        if not low <= value <= high:
            return f"{value} is not between {low} and {high}."
    http = ("http://", "https://")
    is_link = isinstance(field, models.URLField) and value
    if is_link and not value.lower().startswith(http):
        return "a link must start with http:// or https://."
    if isinstance(value, dt.date):
        try:
            check_date(value)
        except ValidationError as error:
            return error.messages[0]
        if isinstance(value, dt.datetime) and timezone.is_naive(value):
            return f"{value.isoformat()} has no time zone."
    return ""


def _resolve(label: str, raw: Any, at: str, ids: Ids) -> int | None:
    if raw is None:
        return None
    try:
        return ids[label][raw]
    except (KeyError, TypeError):
        raise _BadRecord(f"{at}: no {label} with id {raw!r} in the file.") from None


def _insert(
    model: type[models.Model], objects: list[models.Model]
) -> list[models.Model]:
    """Insert in file order; a model whose save() derives fields is saved one by one."""
    if model.save is not models.Model.save:
        for obj in objects:
            obj.save()
        return objects
    return model._default_manager.bulk_create(objects, batch_size=500)


def _link(
    many: models.ManyToManyField,
    rows: list[dict[str, Any]],
    saved: list[models.Model],
    ids: Ids,
    key: str,
) -> None:
    """Fill a many-to-many's through table for all rows at once."""
    through = schema.through(many)
    source, target = many.m2m_field_name(), many.m2m_reverse_field_name()
    label = schema.related_label(many)
    links = []
    for n, (row, obj) in enumerate(zip(rows, saved, strict=True)):
        others = row.get(many.name, [])
        if not isinstance(others, list):
            raise _BadRecord(f"{key}[{n}].{many.name} should be a list of ids.")
        for pk in others:
            other = _resolve(label, pk, f"{key}[{n}].{many.name}", ids)
            links.append(through(**{f"{source}_id": obj.pk, f"{target}_id": other}))
    through._default_manager.bulk_create(links, batch_size=500)
