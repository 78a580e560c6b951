"""What the JSON export holds, read from the models' `_meta`: one record type a model.

Every concrete field and many-to-many of every model in Warmline's apps is exported,
under its attname (`organization_id`), unless LEFT_OUT below names it with the reason.
Foreign keys and many-to-manys hold export ids, not database ids: each record type is
numbered 1, 2, 3… in the order of its rows' primary keys, so exporting an imported
account writes the same file again. `exports.everything` and `json_import` both read
this module, so what is written and what is read cannot disagree, and the tests fail
when a model or a field is in neither the export nor LEFT_OUT.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.apps import apps
from django.db import models

from warmline.people.models import DERIVED_FIELDS

# The record types, by key in the export, parents before children: an import inserts
# each row after every row it points to.
RECORDS: list[tuple[str, str]] = [
    ("organizations", "people.Organization"),
    ("tags", "people.Tag"),
    ("people", "people.Person"),
    ("email_addresses", "people.EmailAddress"),
    ("phone_numbers", "people.PhoneNumber"),
    ("resumes", "meetings.ResumeVersion"),
    ("questions", "meetings.Question"),
    ("meetings", "meetings.Meeting"),
    ("meeting_questions", "meetings.MeetingQuestion"),
    ("outcomes", "meetings.Outcome"),
    ("introductions", "people.Introduction"),
    ("career_paths", "meetings.CareerPath"),
    ("job_leads", "meetings.JobLead"),
    ("call_lists", "outreach.CallList"),
    ("call_list_entries", "outreach.CallListEntry"),
    ("call_sessions", "outreach.CallSession"),
    ("outreaches", "outreach.Outreach"),
    ("attempts", "outreach.Attempt"),
    ("follow_ups", "outreach.FollowUp"),
    ("message_templates", "outreach.MessageTemplate"),
    ("journal_entries", "journal.JournalEntry"),
    ("report_sends", "journal.ReportSent"),
    ("distinct_pairs", "exchange.DistinctPair"),
]
# Rows that tie two accounts together: a per-account export cannot carry the other
# account, and its import could not point at it. A whole-server backup keeps them.
_BETWEEN = "ties this account to another; whole-server backups keep it"
NOT_EXPORTED: dict[str, str] = {
    "accounts.Share": _BETWEEN,
    "accounts.Invitation": _BETWEEN,
    "coaching.Comment": _BETWEEN,
    "coaching.SeekerGroup": _BETWEEN,
}
# The account itself is one object, "user", not a list.
USER = "accounts.User"
# Implicit on every row: the account exported from, or imported into.
OWNER = "owner"

_ACCOUNT_STATE = (
    "the server's account, not the seeker's data: the importing account keeps its own"
)
# What is not exported, and why. Everything else is, field by field.
_FOLDED = "derived: the text as search compares it, kept by save()"
LEFT_OUT: dict[str, dict[str, str]] = {
    USER: {
        # A per-account export is a file people mail to a coach or keep in a cloud
        # folder: it must not carry anything that lets its reader in.
        "password": "a secret (its hash still allows guessing offline)",
        "calendar_token": "a secret: the key in the calendar feed's URL",
        "journal_token": "a secret: the key in the journal feed's URL",
        "last_login": _ACCOUNT_STATE,
        "date_joined": _ACCOUNT_STATE,
        "is_active": _ACCOUNT_STATE,
        "is_staff": _ACCOUNT_STATE,
        "is_superuser": _ACCOUNT_STATE,
        "groups": _ACCOUNT_STATE,
        "user_permissions": _ACCOUNT_STATE,
    },
    # Recomputed on import by people.derived from main contacts and introductions.
    # last_interaction_at is in DERIVED_FIELDS (services stamp it, saves never write
    # it) but nothing recomputes it from other rows: it is exported, or an import
    # would forget when the seeker last spoke to everyone.
    "people.Person": {
        **{
            name: "derived: recomputed by warmline.people.derived on import"
            for name in DERIVED_FIELDS - {"last_interaction_at"}
        },
        "folded_name": _FOLDED,
        "folded_title": _FOLDED,
    },
    "people.Organization": {
        "name_key": "derived from name by Organization.save()",
        "folded_name": _FOLDED,
    },
    # The file is not in a JSON export (a backup carries it): an imported version
    # keeps its label, dates and name, and is uploaded again to be downloaded.
    "meetings.ResumeVersion": {"file": "the uploaded file is in backups only"},
}
# Exported to say whose data it is, never imported: the importing account keeps its
# own name and address (they log it in).
ACCOUNT_IDENTITY = ("username", "email")
# JSON fields that hold ids of other records: mapped like foreign keys.
ID_LISTS: dict[tuple[str, str], str] = {
    ("outreach.CallSession", "queue"): "people.Person",
}
# Kept by Django on every save: an import sets them with an update after inserting.
AUTO_TIMESTAMPS = "auto_now", "auto_now_add"


@dataclass(frozen=True)
class RecordType:
    """How one model is exported: its key, fields, many-to-manys and owner lookup."""

    key: str
    model: type[models.Model]
    fields: tuple[models.Field, ...]  # concrete, without the primary key and owner
    many: tuple[models.ManyToManyField, ...]
    owner_path: str  # e.g. "owner", "person__owner"

    @property
    def label(self) -> str:
        return self.model._meta.label

    def keys(self) -> list[str]:
        """The keys of one exported row, in order."""
        return ["id", *(f.attname for f in self.fields), *(m.name for m in self.many)]

    def id_list_target(self, field: models.Field) -> str | None:
        return ID_LISTS.get((self.label, field.name))


def warmline_models() -> list[type[models.Model]]:
    """Every model of Warmline's own apps, whichever apps are installed, but those
    NOT_BACKED_UP says stay on their server (API tokens)."""
    return [
        model
        for config in apps.get_app_configs()
        if config.name.startswith("warmline.")
        for model in config.get_models()
        if model._meta.label not in NOT_BACKED_UP
    ]


def is_timestamp(field: models.Field) -> bool:
    return any(getattr(field, flag, False) for flag in AUTO_TIMESTAMPS)


def exported_fields(model: type[models.Model]) -> tuple[models.Field, ...]:
    """The model's concrete fields that are exported, in declaration order."""
    left_out = LEFT_OUT.get(model._meta.label, {})
    return tuple(
        f
        for f in model._meta.concrete_fields
        if not f.primary_key and f.name != OWNER and f.name not in left_out
    )


def exported_many(model: type[models.Model]) -> tuple[models.ManyToManyField, ...]:
    left_out = LEFT_OUT.get(model._meta.label, {})
    return tuple(
        f  # type: ignore[misc]
        for f in model._meta.many_to_many
        if f.name not in left_out
    )


def owner_path(model: type[models.Model]) -> str:
    """The lookup from a row to its owner: directly, or through its parent row."""
    names = {f.name for f in model._meta.concrete_fields}
    if OWNER in names:
        return OWNER
    for field in model._meta.concrete_fields:
        if (field.many_to_one or field.one_to_one) and not field.null:
            assert field.related_model is not None
            return f"{field.name}__{owner_path(field.related_model)}"  # type: ignore[arg-type]
    raise LookupError(f"{model._meta.label} has no owner, nor a parent with one.")


@functools.cache
def record_types() -> tuple[RecordType, ...]:
    """Every record type, in RECORDS order."""
    return tuple(
        RecordType(
            key=key,
            model=(model := apps.get_model(label)),
            fields=exported_fields(model),
            many=exported_many(model),
            owner_path=owner_path(model),
        )
        for key, label in RECORDS
    )


def user_fields() -> tuple[models.Field, ...]:
    """The account's exported fields (identity included)."""
    return exported_fields(apps.get_model(USER))


def record_for(model: type[models.Model]) -> RecordType:
    return next(r for r in record_types() if r.model is model)


def related_label(field: models.Field) -> str:
    """The label of the model a foreign key or many-to-many points to."""
    assert field.related_model is not None
    return field.related_model._meta.label  # type: ignore[union-attr]


def through(field: models.ManyToManyField) -> type[models.Model]:
    """The table of a many-to-many's pairs."""
    table = field.remote_field.through
    assert table is not None and not isinstance(table, str)
    return table


# Backups: the whole server, table by table. Every table of every installed app is in
# a backup but these, each with its reason (the tests fail on a table in neither).
# Migrate makes the first two on every server, the same on each, and backed-up rows
# name them by natural key: a restore keeps them as they are.
MADE_BY_MIGRATE = ("contenttypes.ContentType", "auth.Permission")
NOT_BACKED_UP: dict[str, str] = {
    **dict.fromkeys(MADE_BY_MIGRATE, "made by migrate, the same on every server"),
    "sessions.Session": "sign-ins: after a restore, everyone signs in again",
    **dict.fromkeys(
        (
            "axes.AccessAttempt",
            "axes.AccessAttemptExpiration",
            "axes.AccessLog",
            "axes.AccessFailureLog",
        ),
        "sign-in throttling's recent failures: they lapse within minutes anyway",
    ),
    "api.Token": "API tokens are credentials for this server: a backup copied "
    "elsewhere must not carry them, and only their hashes are kept, useless to "
    "restore; make new ones after a restore",
}


def backed_up_models() -> list[type[models.Model]]:
    """The models whose rows a backup holds (many-to-many pairs ride along in them)."""
    return [
        model
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.label not in NOT_BACKED_UP
    ]


def backed_up_tables() -> list[type[models.Model]]:
    """Every table a backup fills: the models, and the pair tables of their
    many-to-manys (counted apart in the manifest, so none can go missing)."""
    return [
        *backed_up_models(),
        *(
            through(field)  # type: ignore[arg-type]
            for model in backed_up_models()
            for field in model._meta.local_many_to_many
            if through(field)._meta.auto_created  # type: ignore[arg-type]
        ),
    ]
