"""`warmline today`: what to do now, and how the week is going."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text

from warmline.cli.common import (
    JsonOption,
    UserOption,
    console,
    follow_up_as_dict,
    meeting_as_dict,
    print_json,
    resolve_user,
    setup_django,
    styled,
)

if TYPE_CHECKING:
    from warmline.accounts.models import User
    from warmline.home.queries import Today


def today(as_json: JsonOption = False, user: UserOption = None) -> None:
    """What to do now: follow-ups due, calls to make, meetings, and the week's goals."""
    setup_django()
    from django.utils.timezone import localtime

    from warmline.core.dates import day, moment
    from warmline.home.queries import today_for

    owner = resolve_user(user)
    t = today_for(owner)
    if as_json:
        print_json(today_as_dict(owner, t))
        return
    console.print(styled(("Today", "bold"), f", {day(t.today)}"))
    for goal in t.goals:
        filled = round(20 * goal.percent / 100)
        bar = "█" * filled + "░" * (20 - filled)
        console.print(f"  {goal.label:<14} {bar} {goal.done}/{goal.target}")
    if t.streak_weeks >= 2:
        weeks = f"{t.streak_weeks} weeks in a row"
        console.print(styled("  ", (weeks, "green"), " of calls and meetings."))
    sections: list[tuple[str, list[str | Text]]] = [
        (
            "Meetings to log",
            [
                f"{moment(m.at)} {m.person.name}: warmline meetings log {m.pk}"
                for m in t.meetings_to_log
            ],
        ),
        (
            "Meetings today",
            [
                f"{localtime(m.at):%H:%M} {m.get_kind_display()} with {m.person.name}"
                for m in t.meetings_today
            ],
        ),
        (
            "Follow-ups due",
            [
                styled(
                    ("overdue ", "red") if f.due < t.today else "",
                    f"{f.title} ({day(f.due)})",
                )
                for f in t.follow_ups
            ],
        ),
        (
            "Calls to make",
            [f"{lst.name}: {lst.to_call} to call" for lst in t.call_lists],  # type: ignore[attr-defined]
        ),
        (
            "Coming this week",
            [f"{moment(m.at)} {m.person.name}" for m in t.meetings_week],
        ),
        ("Losing touch", [p.name for p in t.losing_touch]),
    ]
    for title, lines in sections:
        if lines:
            console.print(styled("\n", (title, "bold")))
            for line in lines:
                console.print(styled("  • ", line))
    if t.is_empty:
        console.print(
            "\nNothing waiting. Build a call list: sit down with a list, not one call."
        )


def today_as_dict(owner: User, t: Today) -> dict[str, Any]:
    """`warmline today --json`: the week's numbers under the weekly report's keys,
    the goals by the number they aim at, and what to do now."""
    from warmline.insights.numbers import Span, week_numbers
    from warmline.insights.report import week_name

    span = Span.week_of(t.today)
    assert span.first is not None and span.last is not None
    week = week_numbers(owner, t.today)
    return {
        "today": t.today.isoformat(),
        "week": week_name(span.first),
        "from": span.first.isoformat(),
        "to": span.last.isoformat(),
        **week.as_dict(),
        "goals": {goal.key: goal.target for goal in t.goals},
        "streak_weeks": t.streak_weeks,
        "meetings_to_log": [meeting_as_dict(m) for m in t.meetings_to_log],
        "meetings_today": [meeting_as_dict(m) for m in t.meetings_today],
        "follow_ups": [
            {**follow_up_as_dict(f), "overdue": f.due < t.today} for f in t.follow_ups
        ],
        "sittings": [{"id": lst.pk, "name": lst.name} for lst in t.sittings],
        "call_lists": [
            {"id": lst.pk, "name": lst.name, "to_call": lst.to_call}  # type: ignore[attr-defined]
            for lst in t.call_lists
        ],
        "meetings_week": [meeting_as_dict(m) for m in t.meetings_week],
        "losing_touch": [{"id": p.pk, "name": p.name} for p in t.losing_touch],
    }
