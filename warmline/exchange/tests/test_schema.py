"""Nothing is left out of exports and backups unless it is declared, with its reason."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.db import models

from warmline.accounts.models import User
from warmline.exchange import backup, backup_format, exports, schema
from warmline.exchange.tests.full_account import build_full_account


def fields_of(model: type[models.Model]) -> set[str]:
    """Every stored field of a model (many-to-manys too), by name."""
    return {
        f.name
        for f in model._meta.get_fields()
        if not f.auto_created and (f.concrete or f.many_to_many)
    }


def test_every_model_of_warmline_is_exported() -> None:
    exported = {r.model for r in schema.record_types()} | {User}
    missing = [
        m._meta.label
        for m in schema.warmline_models()
        if m not in exported and m._meta.label not in schema.NOT_EXPORTED
    ]
    assert not missing, f"add these to schema.RECORDS: {missing}"


def test_every_field_is_exported_or_declared_left_out() -> None:
    for model in schema.warmline_models():
        if model._meta.label in schema.NOT_EXPORTED:
            continue
        left_out = set(schema.LEFT_OUT.get(model._meta.label, {}))
        if model is User:
            out = {f.name for f in schema.user_fields()}
        else:
            record = schema.record_for(model)
            out = {f.name for f in record.fields} | {m.name for m in record.many}
        implicit = {model._meta.pk.name, schema.OWNER}  # type: ignore[union-attr]
        unaccounted = fields_of(model) - out - left_out - implicit
        assert not unaccounted, f"{model._meta.label}: export or declare {unaccounted}"
        assert left_out <= fields_of(model), f"{model._meta.label}: stale LEFT_OUT"


def test_records_come_after_every_record_they_point_to() -> None:
    seen = {schema.USER}
    for record in schema.record_types():
        for field in [*record.fields, *record.many]:
            if field.is_relation:
                assert schema.related_label(field) in seen | {record.label}, (
                    f"{record.key}.{field.name} points to a later record type"
                )
        seen.add(record.label)


def default_of(field: models.Field) -> Any:
    return None if field.is_relation else exports.plain(field.get_default())


@pytest.mark.django_db
def test_the_full_account_sets_every_exported_field(alice: User) -> None:
    # The round-trip tests use this account: a field it leaves at its default would
    # go through an export unseen.
    build_full_account(alice)
    data = exports.everything(alice)
    for field in schema.user_fields():
        assert data["user"][field.attname] not in (None, default_of(field)), field
    for record in schema.record_types():
        rows = data[record.key]
        assert rows, f"full_account has no {record.key}"
        for field in record.fields:
            values = [row[field.attname] for row in rows]
            assert any(v not in (None, [], default_of(field)) for v in values), (
                f"full_account: give {record.key}.{field.attname} a value"
            )
        for many in record.many:
            assert any(row[many.name] for row in rows), f"{record.key}.{many.name}"


@pytest.mark.django_db
def test_a_backup_holds_rows_of_every_model(alice: User, tmp_path: Path) -> None:
    build_full_account(alice)
    target = tmp_path / "backup.zip"
    backup.backup(target)
    with zipfile.ZipFile(target) as archive:
        rows = json.loads(archive.read(backup_format.DATA))
    held = {row["model"] for row in rows}
    wanted = {m._meta.label_lower for m in schema.warmline_models()}
    assert wanted <= held, f"not in the backup: {wanted - held}"
