"""`warmline today`: what to do now, and how the week is going."""

from __future__ import annotations

from warmline.cli.common import (
    UserOption,
    console,
    resolve_user,
    setup_django,
)


def today(user: UserOption = None) -> None:
    """What to do now: follow-ups due, calls to make, meetings, and the week's goals."""
    setup_django()
    from warmline.home.queries import today_for

    owner = resolve_user(user)
    t = today_for(owner)
    console.print(f"[bold]Today[/bold], {t.today:%A %d %B}")
    for goal in t.goals:
        filled = round(20 * goal.percent / 100)
        bar = "█" * filled + "░" * (20 - filled)
        console.print(f"  {goal.label:<14} {bar} {goal.done}/{goal.target}")
    if t.streak_weeks >= 2:
        console.print(
            f"  [green]{t.streak_weeks} weeks in a row[/green] of calls and meetings."
        )
    sections: list[tuple[str, list[str]]] = [
        (
            "Meetings today",
            [
                f"{m.at:%H:%M} {m.get_kind_display()} with {m.person.name}"
                for m in t.meetings_today
            ],
        ),
        (
            "Follow-ups due",
            [
                f"{'[red]overdue[/red] ' if f.due < t.today else ''}{f.title}"
                f" ({f.due:%a %d %b})"
                for f in t.follow_ups
            ],
        ),
        (
            "Calls to make",
            [f"{lst.name}: {lst.to_call} to call" for lst in t.call_lists],  # type: ignore[attr-defined]
        ),
        (
            "Coming this week",
            [f"{m.at:%a %d %b %H:%M} {m.person.name}" for m in t.meetings_week],
        ),
        ("Losing touch", [p.name for p in t.losing_touch]),
    ]
    for title, lines in sections:
        if lines:
            console.print(f"\n[bold]{title}[/bold]")
            for line in lines:
                console.print(f"  • {line}")
    if t.is_empty:
        console.print(
            "\nNothing waiting. Build a call list: sit down with a list, not one call."
        )
