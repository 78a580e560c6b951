"""The weekly report: what was done, met, learned and gained, for a coach."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone

from warmline.accounts.models import User
from warmline.core.ranges import FIRST_YEAR, LAST_YEAR
from warmline.insights import numbers
from warmline.insights.numbers import monday_of
from warmline.meetings.models import Outcome
from warmline.outreach.models import AttemptOutcome
from warmline.people.models import Person

# Weeks a report can be asked for: its links to the weeks around it stay dates.


def parse_week(text: str | None, today: dt.date | None = None) -> dt.date:
    """The Monday of an ISO week (2026-W48), or of this week."""
    if not text:
        return monday_of(today or timezone.localdate())
    try:
        year, week = text.upper().split("-W")
        monday = dt.date.fromisocalendar(int(year), int(week), 1)
    except ValueError:
        raise ValueError(
            f"{text!r} is not an ISO week; write it like 2026-W48."
        ) from None
    if not FIRST_YEAR <= monday.year <= LAST_YEAR:
        raise ValueError(f"{text!r}: choose a week from {FIRST_YEAR} to {LAST_YEAR}.")
    return monday


def week_name(day: dt.date) -> str:
    """The ISO week that holds a day, as 2026-W48."""
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def weekly_report(
    owner: User, monday: dt.date, for_viewer: bool = False
) -> dict[str, Any]:
    """The week's six numbers (insights/numbers.py) and, under each, what they
    counted: the very rows, so a list never disagrees with its count.

    `for_viewer`: for a coach or partner, the numbers stay whole but the lists leave
    out people and meetings marked private ("and 2 more" still counts them)."""
    sunday = monday + dt.timedelta(days=6)
    week = numbers.Span(monday, sunday)
    found = numbers.numbers_for(owner, monday, sunday)
    by_outcome = dict(
        numbers.calls_made(owner, week)
        .values_list("outcome")
        .annotate(n=Count("*"))
        .order_by()
    )
    held = numbers.meetings_held(owner, week)
    gathered = numbers.names_gathered(owner, week)
    reached = Person.objects.filter(
        owner=owner, pk__in=numbers.people_reached(owner, week)
    )
    fans = numbers.new_fans(owner, week)
    if for_viewer:
        held = held.filter(is_private=False, person__is_private=False)
        gathered = gathered.filter(
            person__is_private=False, introducer__is_private=False
        )
        reached, fans = (q.filter(is_private=False) for q in (reached, fans))
    met = list(held.select_related("person", "outcome").order_by("at"))
    names = list(
        gathered.select_related("person", "introducer")
        .only("person__name", "introducer__name")
        .order_by("introduced_on", "id")[:LIST_LIMIT]
    )
    # Names for a reader, not a whole week of a call centre: the first ones, and how
    # many more.
    reached_names = _names(reached)
    fan_names = _names(fans)
    leads = numbers.job_leads(owner, week).select_related("organization")
    return {
        "week": week_name(monday),
        "from": monday.isoformat(),
        "to": sunday.isoformat(),
        **found.as_dict(),
        "calls": [
            {"outcome": label, "count": by_outcome[value]}
            for value, label in AttemptOutcome.choices
            if value in by_outcome
        ],
        "reached": reached_names,
        "reached_more": found.people_reached - len(reached_names),
        "meetings": [
            {
                "person": m.person.name,
                "date": timezone.localdate(m.at).isoformat(),
                "kind": m.get_kind_display(),
                "notes": getattr(getattr(m, "outcome", None), "notes", ""),
            }
            for m in met
        ],
        "learned": [
            f"From {m.person.name}, {label}: {text}"
            for m in met
            if (outcome := getattr(m, "outcome", None))
            for label, text in _learned(outcome)
        ],
        "names": [f"{i.person.name} (from {i.introducer.name})" for i in names],
        "names_more": found.names_gathered - len(names),
        "fans": fan_names,
        "fans_more": found.new_fans - len(fan_names),
        "leads": [str(lead) for lead in leads],
    }


LIST_LIMIT = 50  # names listed under a count; the count says how many in all


def _names(people: QuerySet[Person]) -> list[str]:
    return [p.name for p in people.only("name")[:LIST_LIMIT]]


LEARNED = [
    ("resume_feedback", "on my resume"),
    ("learned_company", "about the company"),
    ("learned_field", "about the field"),
    ("learned_work", "about the type of work"),
]


def _learned(outcome: Outcome) -> list[tuple[str, str]]:
    return [
        (label, text) for name, label in LEARNED if (text := getattr(outcome, name))
    ]


def _more(names: list[str], more: int) -> list[str]:
    return [*names, f"and {more} more"] if more else names


def _breakdown(calls: list[dict[str, Any]]) -> str:
    """ " (2 replied, 1 scheduled)": what the week's calls came to."""
    if not calls:
        return ""
    parts = ", ".join(f"{c['count']} {c['outcome'].lower()}" for c in calls)
    return f" ({parts})"


def as_markdown(report: dict[str, Any]) -> str:
    lines = [
        f"# Networking report, week {report['week']} "
        f"({report['from']} to {report['to']})",
        "",
        f"- Calls made: {report['calls_made']}{_breakdown(report['calls'])}",
        f"- People reached: {report['people_reached']}",
        f"- Meetings held: {report['meetings_held']}",
        f"- Names gathered: {report['names_gathered']}",
        f"- New fans: {report['new_fans']}",
        f"- Job leads: {report['job_leads']}",
    ]
    sections = [
        ("People reached", _more(report["reached"], report["reached_more"])),
        (
            "Meetings",
            [
                f"{m['date']}: {m['kind']} with {m['person']}"
                + (f". {m['notes']}" if m["notes"] else "")
                for m in report["meetings"]
            ],
        ),
        ("What I learned", report["learned"]),
        ("Names gathered", _more(report["names"], report["names_more"])),
        ("New fans", _more(report["fans"], report["fans_more"])),
        ("Job leads", report["leads"]),
    ]
    for title, items in sections:
        if items:
            lines += ["", f"## {title}", "", *[f"- {item}" for item in items]]
    return "\n".join(lines) + "\n"
