"""The CLI's choices mirror the models' (the command line cannot import the models
before Django starts, so its enums are written out; this keeps them the same)."""

from __future__ import annotations

from enum import StrEnum

import pytest
from django.db.models import TextChoices

from warmline.cli.calls import ChannelName, Outcome
from warmline.cli.meetings import Kind, Mode
from warmline.meetings.models import Meeting
from warmline.outreach.models import AttemptOutcome, Channel


@pytest.mark.parametrize(
    ("cli", "model"),
    [
        (ChannelName, Channel),
        (Outcome, AttemptOutcome),
        (Mode, Meeting.Mode),
        (Kind, Meeting.Kind),
    ],
)
def test_cli_choices_are_the_models_choices(
    cli: type[StrEnum], model: type[TextChoices]
) -> None:
    typed = {choice.value.replace("-", "_") for choice in cli}
    assert typed == set(model.values)


def test_call_list_presets_are_the_webs() -> None:
    from warmline.cli.calls import Preset
    from warmline.outreach.queries import LIST_PRESETS

    assert {p.value.replace("-", "_") for p in Preset} == set(LIST_PRESETS)
