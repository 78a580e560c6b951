"""True networkers: who gave the most names, and how far their introductions led."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import Count

from warmline.accounts.models import User
from warmline.meetings.models import JobLead, Meeting
from warmline.people.models import Introduction, Person

HELD = Meeting.Status.HELD


# Everyone downstream of each root (introduced by them, by those they introduced, and
# so on), with the meetings held with and the leads from those people. UNION keeps
# each (root, person) pair once, so several paths and even a circle count once.
DOWNSTREAM_SQL = """
WITH RECURSIVE downstream(root, person) AS (
    SELECT introducer_id, person_id FROM {introduction}
    WHERE owner_id = %s AND introducer_id IN ({roots})
  UNION
    SELECT d.root, i.person_id FROM downstream d
    JOIN {introduction} i ON i.introducer_id = d.person
)
SELECT d.root, COUNT(*),
  SUM((SELECT COUNT(*) FROM {meeting} m
       WHERE m.person_id = d.person AND m.status = %s)),
  SUM((SELECT COUNT(*) FROM {lead} j WHERE j.person_id = d.person))
FROM downstream d GROUP BY d.root
"""


def true_networkers(owner: User, limit: int = 10) -> list[dict[str, Any]]:
    """Who gave the most names, and how far their introductions led."""
    top = list(
        Introduction.objects.filter(owner=owner)
        .values_list("introducer")
        .annotate(n=Count("*"))
        .order_by("-n", "introducer")[:limit]
    )
    if not top:
        return []
    names = dict(
        Person.objects.filter(pk__in=[pk for pk, _ in top]).values_list("pk", "name")
    )
    sql = DOWNSTREAM_SQL.format(
        introduction=Introduction._meta.db_table,
        meeting=Meeting._meta.db_table,
        lead=JobLead._meta.db_table,
        roots=", ".join(["%s"] * len(top)),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [owner.pk, *[pk for pk, _ in top], HELD])
        downstream = {root: rest for root, *rest in cursor.fetchall()}
    return [
        {
            "id": pk,
            "name": names[pk],
            "names_given": n,
            "downstream_people": downstream[pk][0],
            "downstream_meetings": downstream[pk][1] or 0,
            "downstream_leads": downstream[pk][2] or 0,
        }
        for pk, n in top
    ]
