"""The demo network: a believable teacher-turned-UX-researcher's network to explore.

Every row it creates is marked `is_demo`, so `remove_demo_network` takes it all out
and leaves the user's own people untouched.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from warmline.accounts.models import User
from warmline.people import derived, services
from warmline.people.models import Introduction, Organization, Person, Tag

# name, organization, title, location, tags, introduced by, how we met
DemoPerson = tuple[str, str, str, str, list[str], str | None, str]

# fmt: off
MAIN_CONTACTS: list[DemoPerson] = [
    ("Dana Reyes", "Lincoln High School", "Science Teacher", "Portland, OR", ["former colleague"], None, "Taught across the hall for six years"),
    ("Marcus Bell", "Riverbend Health", "Operations Manager", "Portland, OR", ["friend"], None, "College roommate"),
    ("Priya Natarajan", "Cascade Design Co.", "Product Designer", "Seattle, WA", ["friend", "design"], None, "Book club"),
    ("Tom Alvarez", "City of Portland", "Parks Planner", "Portland, OR", ["family"], None, "Brother-in-law"),
    ("Grace Kim", "Oregon State University", "Academic Advisor", "Corvallis, OR", ["alumni"], None, "Grad school cohort"),
    ("Luis Ortega", "Northwind Analytics", "Data Analyst", "Portland, OR", ["former colleague"], None, "Ran the district's data team"),
    ("Hannah Weiss", "Self-employed", "Career Coach", "Portland, OR", ["coach"], None, "Met at a library workshop"),
    ("Ben Okoro", "Lincoln High School", "Principal", "Portland, OR", ["former colleague", "reference"], None, "My principal for four years"),
    ("Aisha Rahman", "Providence Health", "Nurse Practitioner", "Beaverton, OR", ["friend", "health care"], None, "Neighbour"),
    ("Kevin Liu", "Intel", "Hardware Engineer", "Hillsboro, OR", ["friend"], None, "Climbing gym"),
]

INTRODUCED: list[DemoPerson] = [
    ("Sam Okafor", "Northwind Analytics", "UX Researcher", "Portland, OR", ["ux research"], "Luis Ortega", "Luis's teammate"),
    ("Elena Petrova", "Cascade Design Co.", "Design Research Lead", "Seattle, WA", ["ux research", "design"], "Priya Natarajan", ""),
    ("Jamal Carter", "Riverbend Health", "Patient Experience Director", "Portland, OR", ["health care"], "Marcus Bell", ""),
    ("Olivia Chen", "Nike", "Senior UX Researcher", "Beaverton, OR", ["ux research"], "Priya Natarajan", ""),
    ("Rachel Green", "Oregon State University", "Instructional Designer", "Corvallis, OR", ["edtech"], "Grace Kim", ""),
    ("Diego Santos", "Providence Health", "Digital Health Product Manager", "Portland, OR", ["health care", "product"], "Aisha Rahman", ""),
    ("Fatima Zahra", "Khan Academy", "Learning Scientist", "Remote", ["edtech", "ux research"], "Dana Reyes", ""),
    ("Noah Fischer", "City of Portland", "Service Designer", "Portland, OR", ["design", "public sector"], "Tom Alvarez", ""),
    ("Mei Tanaka", "Intel", "UX Research Manager", "Hillsboro, OR", ["ux research"], "Kevin Liu", ""),
    ("Chris Murphy", "Workday", "Recruiter", "Portland, OR", ["recruiter"], "Hannah Weiss", ""),
    ("Sofia Rossi", "Duolingo", "Content Designer", "Remote", ["edtech", "design"], "Dana Reyes", ""),
    ("Ibrahim Musa", "Northwind Analytics", "Head of Product", "Portland, OR", ["product"], "Luis Ortega", ""),
    ("Laura Bennett", "Portland Public Schools", "Curriculum Director", "Portland, OR", ["education"], "Ben Okoro", ""),
    ("Arjun Mehta", "Cambia Health", "UX Research Lead", "Portland, OR", ["health care", "ux research"], "Jamal Carter", ""),
    ("Zoe Campbell", "Nike", "Research Operations", "Beaverton, OR", ["ux research"], "Olivia Chen", ""),
    ("Daniel Park", "Cascade Design Co.", "UX Researcher", "Seattle, WA", ["ux research"], "Elena Petrova", ""),
    ("Yusuf Ali", "Providence Health", "Clinical Informatics Analyst", "Portland, OR", ["health care"], "Diego Santos", ""),
    ("Isabel Flores", "Pearson", "Learning Experience Researcher", "Remote", ["edtech", "ux research"], "Fatima Zahra", ""),
    ("Ethan Brooks", "Code for PDX", "Volunteer Organizer", "Portland, OR", ["public sector"], "Noah Fischer", ""),
    ("Nina Kowalski", "Intel", "Staff UX Researcher", "Hillsboro, OR", ["ux research"], "Mei Tanaka", ""),
    ("Oscar Lindqvist", "Workday", "UX Research Manager", "Portland, OR", ["ux research"], "Chris Murphy", ""),
    ("Grace Liu", "Duolingo", "UX Researcher", "Pittsburgh, PA", ["edtech", "ux research"], "Sofia Rossi", ""),
    ("Victor Huang", "Northwind Analytics", "Data Scientist", "Portland, OR", ["data"], "Sam Okafor", ""),
    ("Amara Nwosu", "Cambia Health", "Senior Product Designer", "Portland, OR", ["health care", "design"], "Arjun Mehta", ""),
    ("Peter Novak", "Nike", "Director of Consumer Insights", "Beaverton, OR", ["ux research"], "Zoe Campbell", ""),
    ("Hana Sato", "Cascade Design Co.", "Research Intern Lead", "Seattle, WA", ["ux research"], "Daniel Park", ""),
    ("Lucas Moreau", "OHSU", "Human Factors Researcher", "Portland, OR", ["health care", "ux research"], "Yusuf Ali", ""),
    ("Maya Johnson", "Pearson", "Director of Learning Research", "Remote", ["edtech"], "Isabel Flores", ""),
    ("Samuel Adeyemi", "Intel", "UX Designer", "Hillsboro, OR", ["design"], "Nina Kowalski", ""),
    ("Chloe Martin", "Workday", "Design Researcher", "Portland, OR", ["ux research"], "Oscar Lindqvist", ""),
    ("Ryan O'Neil", "Cambia Health", "Research Ops Coordinator", "Portland, OR", ["health care"], "Amara Nwosu", ""),
    ("Leah Goldberg", "Nike", "Principal Researcher", "Beaverton, OR", ["ux research"], "Zoe Campbell", ""),
    ("Tariq Hassan", "OHSU", "Patient Safety Analyst", "Portland, OR", ["health care"], "Yusuf Ali", ""),
]

# People met without an introduction anyone knows of yet: "not connected yet".
UNCONNECTED: list[DemoPerson] = [
    ("Monica Alvarez", "UXPA Oregon", "Chapter President", "Portland, OR", ["ux research", "event"], None, "UXPA meetup, October"),
    ("Greg Sullivan", "Autodesk", "Research Program Manager", "Portland, OR", ["ux research"], None, "Sat next to him at a conference talk"),
]

# A second introduction to someone already in the network (ties and longer chains).
EXTRA_INTRODUCTIONS = [("Kevin Liu", "Nina Kowalski"), ("Hannah Weiss", "Arjun Mehta")]
# fmt: on


def has_demo_network(owner: User) -> bool:
    return Person.objects.filter(owner=owner, is_demo=True).exists()


@transaction.atomic
def load_demo_network(owner: User, today: dt.date | None = None) -> int:
    """Create the demo network for `owner`; refuse if it is already there."""
    if has_demo_network(owner):
        raise ValidationError("The demo network is already loaded.")
    today = today or dt.date.today()
    people: dict[str, Person] = {}
    rows = MAIN_CONTACTS + INTRODUCED + UNCONNECTED
    for index, (name, org, title, location, tags, introducer, how) in enumerate(rows):
        person = Person(
            owner=owner,
            name=name,
            title=title,
            location=location,
            how_we_met=how,
            is_main_contact=(introducer is None and index < len(MAIN_CONTACTS)),
            source="demo",
            is_demo=True,
            organization=services.get_or_create_organization(owner, org, is_demo=True),
        )
        person.save()
        first, *_, last = name.lower().replace("'", "").split()
        person.emails.create(address=f"{first}.{last}@example.com", label="work")
        services.set_tags(person, tags, is_demo=True)
        people[name] = person
        if introducer:
            weeks_ago = max(1, 12 - index // 4)
            Introduction.objects.create(
                owner=owner,
                introducer=people[introducer],
                person=person,
                introduced_on=today - dt.timedelta(weeks=weeks_ago),
            )
    for introducer, name in EXTRA_INTRODUCTIONS:
        Introduction.objects.create(
            owner=owner,
            introducer=people[introducer],
            person=people[name],
            introduced_on=today,
        )
    derived.network_changed(owner.pk)
    return len(people)


@transaction.atomic
def remove_demo_network(owner: User) -> int:
    """Delete every demo row; the user's own people, and introductions among them, stay."""
    demo_people = Person.objects.filter(owner=owner, is_demo=True)
    count = demo_people.count()
    demo_people.delete()
    Organization.objects.filter(owner=owner, is_demo=True, people__isnull=True).delete()
    Tag.objects.filter(owner=owner, is_demo=True, people__isnull=True).delete()
    derived.network_changed(owner.pk)
    return count
