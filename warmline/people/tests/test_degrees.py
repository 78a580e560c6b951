"""Degrees and chains: main contacts 1, referrals d+1, shortest chain, earliest tie."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.core.exceptions import ValidationError

from warmline.accounts.models import User
from warmline.people import services
from warmline.people.degrees import (
    linked,
    reaches,
    recompute_degrees,
    shortest_chains,
)
from warmline.people.models import Introduction, Person
from warmline.people.queries import chain_people

pytestmark = pytest.mark.django_db


def add(
    owner: User, name: str, *, main: bool = False, by: Person | None = None
) -> Person:
    return services.create_person(owner, name, is_main_contact=main, introduced_by=by)


def fresh(person: Person) -> Person:
    return Person.objects.get(pk=person.pk)


def names(person: Person) -> list[str]:
    return [p.name for p in chain_people(fresh(person))]


def test_main_contact_is_degree_one(alice: User) -> None:
    dana = add(alice, "Dana Reyes", main=True)
    assert (dana.degree, names(dana)) == (1, ["Dana Reyes"])


def test_referral_gets_degree_plus_one_down_the_chain(alice: User) -> None:
    dana = add(alice, "Dana Reyes", main=True)
    sam = add(alice, "Sam Okafor", by=dana)
    victor = add(alice, "Victor Huang", by=sam)
    assert [fresh(p).degree for p in (dana, sam, victor)] == [1, 2, 3]
    assert names(victor) == ["Dana Reyes", "Sam Okafor", "Victor Huang"]


def test_person_without_chain_to_a_main_contact_has_no_degree(alice: User) -> None:
    stranger = add(alice, "Met At Meetup")
    friend_of_stranger = add(alice, "Their Friend", by=stranger)
    assert fresh(stranger).degree is None
    assert fresh(friend_of_stranger).degree is None
    assert names(friend_of_stranger) == []


def test_degree_is_the_smallest_over_all_introductions(alice: User) -> None:
    dana = add(alice, "Dana", main=True)
    sam = add(alice, "Sam", by=dana)
    victor = add(alice, "Victor", by=sam)
    assert fresh(victor).degree == 3
    kevin = add(alice, "Kevin", main=True)
    services.add_introduction(kevin, victor)
    assert fresh(victor).degree == 2
    assert names(victor) == ["Kevin", "Victor"]


def test_tie_between_equally_close_introducers_goes_to_the_earliest(
    alice: User,
) -> None:
    dana = add(alice, "Dana", main=True)
    kevin = add(alice, "Kevin", main=True)
    sam = add(alice, "Sam")
    services.add_introduction(kevin, sam, introduced_on=dt.date(2026, 3, 2))
    services.add_introduction(dana, sam, introduced_on=dt.date(2026, 3, 1))
    assert names(sam) == ["Dana", "Sam"]


def test_tie_on_the_same_day_goes_to_the_first_recorded(alice: User) -> None:
    dana = add(alice, "Dana", main=True)
    kevin = add(alice, "Kevin", main=True)
    sam = add(alice, "Sam")
    day = dt.date(2026, 3, 1)
    services.add_introduction(kevin, sam, introduced_on=day)
    services.add_introduction(dana, sam, introduced_on=day)
    assert names(sam) == ["Kevin", "Sam"]


def test_deleting_an_introducer_reroutes_or_disconnects(alice: User) -> None:
    dana = add(alice, "Dana", main=True)
    kevin = add(alice, "Kevin", main=True)
    sam = add(alice, "Sam", by=dana)
    victor = add(alice, "Victor", by=sam)
    other = add(alice, "Other", by=kevin)
    services.add_introduction(other, victor)  # a longer second chain: Kevin, Other
    services.delete_person(sam)
    assert fresh(victor).degree == 3
    assert names(victor) == ["Kevin", "Other", "Victor"]
    services.delete_person(other)
    assert fresh(victor).degree is None


def test_changing_the_introducer_moves_the_whole_subtree(alice: User) -> None:
    dana = add(alice, "Dana", main=True)
    sam = add(alice, "Sam", by=dana)
    victor = add(alice, "Victor", by=sam)
    outsider = add(alice, "Outsider")
    services.set_introducers(sam, [outsider])
    assert (fresh(sam).degree, fresh(victor).degree) == (None, None)
    services.update_person(outsider, is_main_contact=True)
    assert (fresh(sam).degree, fresh(victor).degree) == (2, 3)
    assert names(victor) == ["Outsider", "Sam", "Victor"]


def test_unmarking_a_main_contact_recomputes_their_referrals(alice: User) -> None:
    dana = add(alice, "Dana", main=True)
    sam = add(alice, "Sam", by=dana)
    services.update_person(dana, is_main_contact=False)
    assert (fresh(dana).degree, fresh(sam).degree) == (None, None)


def test_main_contact_who_was_also_introduced_stays_degree_one(alice: User) -> None:
    dana = add(alice, "Dana", main=True)
    kevin = add(alice, "Kevin", main=True)
    services.add_introduction(dana, kevin)
    assert names(kevin) == ["Kevin"]


def test_a_cycle_is_refused_with_a_clear_message_and_nothing_changes(
    alice: User,
) -> None:
    dana = add(alice, "Dana", main=True)
    sam = add(alice, "Sam", by=dana)
    victor = add(alice, "Victor", by=sam)
    with pytest.raises(ValidationError, match="round in a circle"):
        services.add_introduction(victor, dana)
    with pytest.raises(ValidationError, match="round in a circle"):
        services.add_introduction(sam, dana)
    assert dana.introductions_received.count() == 0
    assert fresh(dana).degree == 1


def test_introducing_oneself_or_twice_is_refused(alice: User) -> None:
    dana = add(alice, "Dana", main=True)
    sam = add(alice, "Sam", by=dana)
    with pytest.raises(ValidationError, match="themselves"):
        services.add_introduction(sam, sam)
    with pytest.raises(ValidationError, match="already introduced"):
        services.add_introduction(dana, sam)


def test_introductions_across_owners_are_refused(alice: User, bob: User) -> None:
    dana = add(alice, "Dana", main=True)
    bobs = add(bob, "Bob's friend", main=True)
    with pytest.raises(ValidationError, match="same network"):
        services.add_introduction(dana, bobs)


def test_owners_degrees_are_computed_apart(alice: User, bob: User) -> None:
    dana = add(alice, "Dana", main=True)
    add(bob, "Bob's friend")
    sam = add(alice, "Sam", by=dana)
    assert fresh(sam).degree == 2
    assert Person.objects.get(owner=bob).degree is None


def test_shortest_chains_terminates_on_a_cycle_entered_behind_its_back() -> None:
    # 1 is a main contact; 2 and 3 introduced each other (as a raw import might say).
    chains = shortest_chains([1], [(1, 2), (2, 3), (3, 2), (3, 1)])
    assert chains == {1: [1], 2: [1, 2], 3: [1, 2, 3]}


def test_shortest_chains_prefers_fewer_hops_over_an_earlier_introduction() -> None:
    # 4 was introduced early by 3 (degree 3) and later by 1 (a main contact).
    chains = shortest_chains([1], [(3, 4), (1, 2), (2, 3), (1, 4)])
    assert chains[4] == [1, 4]


def test_reaches_follows_introductions_in_their_direction() -> None:
    edges = [(1, 2), (2, 3)]
    assert reaches(edges, 1, 3)
    assert not reaches(edges, 3, 1)


def test_linked_walks_down_or_up_the_chains_in_the_database(alice: User) -> None:
    a = add(alice, "A", main=True)
    b = add(alice, "B", by=a)
    c = add(alice, "C", by=b)
    d = add(alice, "D", main=True)
    services.add_introduction(d, c)
    e = add(alice, "E", by=c)
    add(alice, "Elsewhere", main=True)
    assert linked(alice.pk, [e.pk], upward=True) == {a.pk, b.pk, c.pk, d.pk}
    assert linked(alice.pk, [a.pk]) == {b.pk, c.pk, e.pk}
    assert linked(alice.pk, [a.pk], limit=2) is None  # more below than asked for
    assert linked(alice.pk, [a.pk], upward=True) == set()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_recomputing_below_each_change_matches_recomputing_everything(
    alice: User, seed: int
) -> None:
    """Services recompute only the people below a change; after every step of a
    random run of changes, a recompute of the whole network finds nothing to do."""
    rng = random.Random(seed)
    people = [add(alice, f"Main {i}", main=True) for i in range(3)]
    for step in range(60):
        action = rng.choice(
            ["add", "add", "introduce", "remove", "set", "main", "delete"]
        )
        someone, other = rng.choice(people), rng.choice(people)
        days_ago = dt.timedelta(days=rng.randrange(30))
        try:
            if action == "add":
                people.append(
                    services.create_person(
                        alice,
                        f"P{step}",
                        introduced_by=someone,
                        introduced_on=dt.date(2026, 11, 26) - days_ago,
                    )
                )
            elif action == "introduce":
                services.add_introduction(someone, other)
            elif action == "remove":
                intro = Introduction.objects.filter(owner=alice).order_by("?").first()
                if intro:
                    services.remove_introduction(intro)
            elif action == "set":
                services.set_introducers(someone, [other])
            elif action == "main":
                services.update_person(
                    someone, is_main_contact=not someone.is_main_contact
                )
            elif action == "delete" and len(people) > 3:
                people.remove(someone)
                services.delete_person(someone)
        except ValidationError:
            pass  # a circle or a repeat, refused as it should be
        assert recompute_degrees(alice.pk) == 0, f"stale after {action} at step {step}"
