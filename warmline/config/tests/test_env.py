"""Settings helpers fail loudly on bad values."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from warmline.config.env import env_bool, env_int, env_list


def test_booleans(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X", "yes")
    assert env_bool("X") is True
    monkeypatch.setenv("X", "0")
    assert env_bool("X", True) is False
    monkeypatch.delenv("X")
    assert env_bool("X", True) is True
    monkeypatch.setenv("X", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X='maybe' is not a boolean"):
        env_bool("X")


def test_integers_and_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("N", "12")
    assert env_int("N", 1) == 12
    monkeypatch.setenv("N", "twelve")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env_int("N", 1)
    monkeypatch.setenv("L", "a.example, b.example,")
    assert env_list("L", []) == ["a.example", "b.example"]
