"""Time zones by name: which names are real, and this machine's own zone."""

from __future__ import annotations

import os
import zoneinfo
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError


@cache
def zone_names() -> list[str]:
    """Every IANA zone name this machine knows, sorted (for the profile's choice)."""
    return sorted(zoneinfo.available_timezones())


def is_zone(name: str) -> bool:
    """Whether the tz database has this zone: asked of zoneinfo directly, not of
    the list of every zone (which reads ~600 files, 20 ms at every start-up)."""
    if not name or name != name.strip():
        return False
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def check_zone(name: str) -> None:
    if name and not is_zone(name):
        raise ValidationError(
            f"{name!r} is not a time zone; choose one such as Europe/Paris.",
            code="unknown_time_zone",
        )


def machine_zone(localtime: Path = Path("/etc/localtime")) -> str:
    """This machine's zone: `TZ` when it names one, else what /etc/localtime points
    at (or /etc/timezone says), else UTC."""
    from_env = os.environ.get("TZ", "").lstrip(":")
    if is_zone(from_env):
        return from_env
    try:
        target = str(localtime.resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target and is_zone(name := target.split("zoneinfo/", 1)[1]):
        return name
    try:
        named = (localtime.parent / "timezone").read_text().strip()
    except OSError:
        named = ""
    return named if is_zone(named) else "UTC"
