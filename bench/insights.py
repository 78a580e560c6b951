"""Benchmark: insights, graph data, weekly report and warm paths on a large network.

Run with `make bench` or `python bench/insights.py [PEOPLE MEETINGS ATTEMPTS]`
(default 50,000 / 20,000 / 200,000). Builds the data in a throwaway SQLite database
(or, with BENCH_DATABASE_URL, in that PostgreSQL database, which it empties first)
and prints the median server time of each page (through Django's test client) and of
the warm-path search over 20 target organizations.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
import time
from functools import partial
from typing import TYPE_CHECKING

from timing import median_ms

if TYPE_CHECKING:
    from warmline.accounts.models import User

RUNS = 3


def build(people: int, meetings: int, attempts: int) -> User:
    from django.utils import timezone

    from warmline.accounts.services import create_user
    from warmline.exchange.fast_insert import insert_many, prepared
    from warmline.meetings.models import JobLead, Meeting, Outcome
    from warmline.outreach.models import Attempt
    from warmline.people import derived
    from warmline.people.models import Introduction, Organization
    from warmline.people.synthetic import build_network

    owner = create_user("bench")
    network = build_network(owner, people, organizations=200)
    rng = random.Random(7)
    now = timezone.now()
    # Introductions over the past year, in order along each chain, so the network
    # grew week by week and each week has its own names and new fans.
    ids = list(
        Introduction.objects.filter(owner=owner)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for day in range(365):  # one UPDATE per day, over a slice of the ids
        chunk = ids[day * len(ids) // 365 : (day + 1) * len(ids) // 365]
        if chunk:
            Introduction.objects.filter(pk__gte=chunk[0], pk__lte=chunk[-1]).update(
                introduced_on=now.date() - dt.timedelta(days=365 - day)
            )

    def when(days: int) -> object:
        return prepared(
            Meeting,
            "at",
            now - dt.timedelta(days=rng.randrange(days), hours=rng.randrange(24)),
        )

    ids = [p.pk for p in network]
    created = prepared(Meeting, "created_at", now)
    insert_many(
        Meeting,
        [
            "owner",
            "person",
            "at",
            "duration_minutes",
            "place",
            "mode",
            "kind",
            "status",
            "is_pure",
            "goals",
            "research_notes",
            "why_organization",
            "created_at",
            "updated_at",
        ],
        [
            (
                owner.pk,
                rng.choice(ids),
                when(365),
                30,
                "",
                rng.choice(["face_to_face", "phone", "video"]),
                "network",
                "held" if i % 4 else "planned",
                i % 5 != 0,
                "",
                "",
                "",
                created,
                created,
            )
            for i in range(meetings)
        ],
    )
    held = list(
        Meeting.objects.filter(owner=owner, status="held").values_list(
            "pk", "person_id", "at"
        )
    )
    insert_many(
        Outcome,
        [
            "meeting",
            "notes",
            "resume_feedback",
            "learned_company",
            "learned_field",
            "learned_work",
            "felt",
            "logged_at",
        ],
        [
            (pk, "notes", "", "", "field" if pk % 3 == 0 else "", "", 4, created)
            for pk, _, _ in held
        ],
    )
    insert_many(
        JobLead,
        [
            "owner",
            "role",
            "link",
            "status",
            "person",
            "meeting",
            "heard_on",
            "notes",
            "is_demo",
            "created_at",
        ],
        [
            (
                owner.pk,
                "Researcher",
                "",
                "heard_of",
                person,
                pk,
                prepared(JobLead, "heard_on", timezone.localdate(at)),
                "",
                False,
                created,
            )
            for pk, person, at in held[::20]
        ],
    )
    insert_many(
        Attempt,
        ["owner", "person", "at", "channel", "outcome", "notes"],
        [
            (
                owner.pk,
                rng.choice(ids),
                when(365),
                rng.choice(["phone", "email", "linkedin"]),
                rng.choice(
                    ["no_answer", "voicemail", "replied", "scheduled", "declined"]
                ),
                "",
            )
            for _ in range(attempts)
        ],
    )
    derived.network_changed(owner.pk)  # join and first-help dates from the above
    Organization.objects.filter(
        owner=owner,
        pk__in=list(
            Organization.objects.filter(owner=owner).values_list("pk", flat=True)[:20]
        ),
    ).update(is_target=True, motivation=2)
    return owner


def main(people: int, meetings: int, attempts: int) -> None:
    os.environ["WARMLINE_HOME"] = tempfile.mkdtemp(prefix="warmline-bench-")
    if url := os.environ.get("BENCH_DATABASE_URL"):
        os.environ["DATABASE_URL"] = url
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "warmline.config.settings"
    import django

    from warmline.config.home import prepare_home

    prepare_home()  # the data directory and its secret key

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from rich.console import Console
    from rich.table import Table

    from warmline.insights.targets import targets

    call_command("migrate", verbosity=0)
    if os.environ.get("BENCH_DATABASE_URL"):
        call_command("flush", interactive=False, verbosity=0)
    start = time.perf_counter()
    owner = build(people, meetings, attempts)
    built = time.perf_counter() - start
    if connection.vendor == "postgresql":
        # What autovacuum does after a bulk load: statistics, and the visibility map
        # that lets counts come from an index alone.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(owner)
    table = Table(
        title=f"{people:,} people, {meetings:,} meetings, {attempts:,} attempts "
        f"(built in {built:.0f} s); median of {RUNS}, {connection.display_name}"
    )
    table.add_column("what")
    table.add_column("server time", justify="right")
    for label, url in [
        ("/insights/ (12 weeks)", "/insights/"),
        ("/insights/ (all time)", "/insights/?period=all"),
        ("/network/data/ (graph)", "/network/data/"),
        ("/insights/report/", "/insights/report/"),
        ("/targets/", "/targets/"),
    ]:
        assert client.get(url).status_code == 200
        table.add_row(label, f"{median_ms(partial(client.get, url), RUNS):,.0f} ms")
    table.add_row(
        "warm paths, 20 targets", f"{median_ms(lambda: targets(owner), RUNS):,.1f} ms"
    )
    Console().print(table)


if __name__ == "__main__":
    sizes = [int(s) for s in sys.argv[1:4]] or [50_000, 20_000, 200_000]
    main(*sizes)
