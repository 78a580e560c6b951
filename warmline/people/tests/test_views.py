"""People and organization pages through the test client: owner, outsider, anonymous."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from warmline.accounts.models import User
from warmline.people import services
from warmline.people.models import Introduction, Organization, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(alice: User) -> dict[str, Person]:
    dana = services.create_person(
        alice,
        "Dana Reyes",
        is_main_contact=True,
        organization="Lincoln High",
        emails=["dana@example.com"],
        tags=["friend"],
    )
    sam = services.create_person(
        alice,
        "Sam Okafor",
        introduced_by=dana,
        organization="Northwind",
        title="UX Researcher",
        emails=["sam@northwind.example"],
    )
    victor = services.create_person(alice, "Victor Huang", introduced_by=sam)
    loner = services.create_person(alice, "Greg Sullivan", organization="Autodesk")
    return {"dana": dana, "sam": sam, "victor": victor, "loner": loner}


def owned_urls(network: dict[str, Person]) -> list[str]:
    sam = network["sam"]
    org = sam.organization
    assert org is not None
    return [
        reverse("home:person", args=[sam.pk]),
        reverse("people:edit", args=[sam.pk]),
        reverse("people:delete", args=[sam.pk]),
        reverse("people:organization_detail", args=[org.pk]),
        reverse("people:organization_edit", args=[org.pk]),
        reverse("people:organization_delete", args=[org.pk]),
    ]


def test_every_page_asks_an_anonymous_visitor_to_log_in(
    network: dict[str, Person],
) -> None:
    client = Client()
    for url in ["/", "/people/", "/organizations/", *owned_urls(network)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login"))


def test_owner_sees_every_page(
    alice_client: Client, network: dict[str, Person]
) -> None:
    for url in [
        "/",
        "/people/",
        "/organizations/",
        "/people/new/",
        *owned_urls(network),
    ]:
        assert alice_client.get(url).status_code == 200, url


def test_another_users_rows_are_404_on_every_page(
    bob_client: Client, network: dict[str, Person]
) -> None:
    for url in owned_urls(network):
        assert bob_client.get(url).status_code == 404, url
        assert bob_client.post(url).status_code == 404, url
    intro = Introduction.objects.get(person=network["sam"])
    assert (
        bob_client.post(
            reverse("people:introduction_remove", args=[intro.pk])
        ).status_code
        == 404
    )
    add_intro = reverse("people:introduction_add", args=[network["victor"].pk])
    assert (
        bob_client.post(add_intro, {"introducer": network["dana"].pk}).status_code
        == 404
    )
    assert Person.objects.filter(owner=network["sam"].owner).count() == 4
    assert Introduction.objects.filter(pk=intro.pk).exists()


def test_another_users_people_never_appear_in_lists(
    bob_client: Client, network: dict[str, Person]
) -> None:
    response = bob_client.get("/people/?q=Dana")
    assertNotContains(response, "Dana Reyes")
    assertNotContains(bob_client.get("/organizations/"), "Northwind")


def test_person_page_shows_the_whole_chain(
    alice_client: Client, network: dict[str, Person]
) -> None:
    response = alice_client.get(network["victor"].get_absolute_url())
    chain = response.context["chain"]
    assert [p.name for p in chain] == ["Dana Reyes", "Sam Okafor", "Victor Huang"]
    assertContains(response, "degree 3")
    assertContains(response, 'data-testid="chain"')


def test_person_page_lists_who_they_introduced(
    alice_client: Client, network: dict[str, Person]
) -> None:
    response = alice_client.get(network["sam"].get_absolute_url())
    assert [i.person.name for i in response.context["introductions_made"]] == [
        "Victor Huang"
    ]
    assertContains(response, "People Sam introduced")


def test_unconnected_person_says_so(
    alice_client: Client, network: dict[str, Person]
) -> None:
    response = alice_client.get(network["loner"].get_absolute_url())
    assertContains(response, "Not connected yet")


def test_add_a_person_introduced_by_someone(
    alice_client: Client, alice: User, network: dict[str, Person]
) -> None:
    response = alice_client.post(
        "/people/new/",
        {
            "name": "Nina Kowalski",
            "introduced_by": network["sam"].pk,
            "organization": "Intel",
            "emails": "nina@intel.example\nnina@home.example",
            "phones": "503 555 0199",
            "tags": "ux research, fan",
        },
    )
    nina = Person.objects.get(owner=alice, name="Nina Kowalski")
    assert response.status_code == 302
    assert response["Location"] == nina.get_absolute_url()
    assert nina.degree == 3
    assert nina.emails.count() == 2
    assert nina.phones.get().number == "+15035550199"


def test_invalid_person_form_re_renders_with_errors_and_keeps_input(
    alice_client: Client, alice: User
) -> None:
    response = alice_client.post(
        "/people/new/",
        {
            "name": "Nina Kowalski",
            "emails": "not-an-email",
            "phones": "12",
            "linkedin_url": "https://example.com/nina",
            "notes": "Met at UXPA; follow up about research ops.",
        },
    )
    assert response.status_code == 200
    assertContains(response, "is not an email address")
    assertContains(response, "is not a possible phone number")
    assertContains(response, "not a linkedin.com address")
    assertContains(response, "Met at UXPA; follow up about research ops.")
    assertContains(response, 'value="Nina Kowalski"')
    assert not Person.objects.filter(owner=alice).exists()


def test_edit_a_person(alice_client: Client, network: dict[str, Person]) -> None:
    sam = network["sam"]
    form = alice_client.get(reverse("people:edit", args=[sam.pk])).context["form"]
    data = {**form.initial, "title": "Senior UX Researcher", "is_main_contact": True}
    response = alice_client.post(reverse("people:edit", args=[sam.pk]), data)
    assert response.status_code == 302
    sam.refresh_from_db()
    assert (sam.title, sam.degree) == ("Senior UX Researcher", 1)
    assert sam.emails.get().address == "sam@northwind.example"


def test_delete_a_person_warns_about_who_they_introduced(
    alice_client: Client, network: dict[str, Person]
) -> None:
    url = reverse("people:delete", args=[network["sam"].pk])
    assertContains(alice_client.get(url), "Victor Huang")
    assert alice_client.post(url).status_code == 302
    assert not Person.objects.filter(pk=network["sam"].pk).exists()
    assert Person.objects.get(pk=network["victor"].pk).degree is None


def test_add_and_remove_an_introduction_from_the_person_page(
    alice_client: Client, network: dict[str, Person]
) -> None:
    loner, dana = network["loner"], network["dana"]
    url = reverse("people:introduction_add", args=[loner.pk])
    alice_client.post(url, {"introducer": dana.pk, "introduced_on": "2026-11-01"})
    loner.refresh_from_db()
    assert loner.degree == 2
    intro = Introduction.objects.get(person=loner)
    alice_client.post(reverse("people:introduction_remove", args=[intro.pk]))
    loner.refresh_from_db()
    assert loner.degree is None


def test_a_circle_of_introductions_is_refused_on_the_page(
    alice_client: Client, network: dict[str, Person]
) -> None:
    url = reverse("people:introduction_add", args=[network["dana"].pk])
    response = alice_client.post(url, {"introducer": network["victor"].pk}, follow=True)
    assertContains(response, "round in a circle")
    assert not network["dana"].introductions_received.exists()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=okafor", ["Sam Okafor"]),
        ("q=northwind", ["Sam Okafor"]),
        ("q=researcher", ["Sam Okafor"]),
        ("q=dana@example", ["Dana Reyes"]),
        ("tag=FRIEND", ["Dana Reyes"]),
        ("degree=1", ["Dana Reyes"]),
        ("degree=3", ["Victor Huang"]),
        ("degree=none", ["Greg Sullivan"]),
        ("main=1", ["Dana Reyes"]),
        ("sort=degree", ["Dana Reyes", "Sam Okafor", "Victor Huang", "Greg Sullivan"]),
        ("sort=name", ["Dana Reyes", "Greg Sullivan", "Sam Okafor", "Victor Huang"]),
    ],
)
def test_people_list_search_filter_and_sort(
    alice_client: Client, network: dict[str, Person], query: str, expected: list[str]
) -> None:
    response = alice_client.get(f"/people/?{query}")
    assert [p.name for p in response.context["page"]] == expected


def test_people_list_answers_htmx_with_the_results_fragment(
    alice_client: Client, network: dict[str, Person]
) -> None:
    response = alice_client.get("/people/?q=sam", headers={"HX-Request": "true"})
    assertContains(response, "Sam Okafor")
    assertNotContains(response, "<html")


def test_people_list_shows_who_introduced_each_person(
    alice_client: Client, network: dict[str, Person]
) -> None:
    response = alice_client.get("/people/?q=victor")
    assertContains(response, f'href="/people/{network["sam"].pk}/">Sam Okafor</a>')


def test_people_list_paginates(alice_client: Client, alice: User, settings) -> None:
    settings.PEOPLE_PER_PAGE = 2
    for name in ["A", "B", "C"]:
        services.create_person(alice, name)
    page2 = alice_client.get("/people/?page=2")
    assert [p.name for p in page2.context["page"]] == ["C"]
    assertContains(page2, "Page 2 of 2")


def test_organizations_list_counts_people_and_detail_lists_them(
    alice_client: Client, network: dict[str, Person]
) -> None:
    response = alice_client.get("/organizations/")
    counts = {o.name: o.people_count for o in response.context["page"]}
    assert counts == {"Autodesk": 1, "Lincoln High": 1, "Northwind": 1}
    org = network["sam"].organization
    assert org is not None
    assertContains(alice_client.get(org.get_absolute_url()), "Sam Okafor")


def test_add_edit_and_delete_an_organization(alice_client: Client, alice: User) -> None:
    response = alice_client.post(
        "/organizations/new/", {"name": "Cambia Health", "industry": "Health insurance"}
    )
    org = Organization.objects.get(owner=alice)
    assert response["Location"] == org.get_absolute_url()
    duplicate = alice_client.post(
        "/organizations/new/", {"name": "CAMBIA HEALTH, Inc."}
    )
    assertContains(duplicate, "already have an organization")
    alice_client.post(
        reverse("people:organization_edit", args=[org.pk]),
        {"name": "Cambia Health Solutions", "is_target": "on"},
    )
    org.refresh_from_db()
    assert (org.name, org.is_target) == ("Cambia Health Solutions", True)
    alice_client.post(reverse("people:organization_delete", args=[org.pk]))
    assert not Organization.objects.filter(owner=alice).exists()


def test_deleting_an_organization_keeps_its_people(
    alice_client: Client, network: dict[str, Person]
) -> None:
    org = network["sam"].organization
    assert org is not None
    alice_client.post(reverse("people:organization_delete", args=[org.pk]))
    network["sam"].refresh_from_db()
    assert network["sam"].organization is None


def test_empty_account_home_offers_the_demo_or_a_real_start(
    alice_client: Client,
) -> None:
    response = alice_client.get("/")
    assertContains(response, "Explore the demo network")
    assertContains(response, "Add my first main contact")


def test_demo_loads_in_one_click_and_is_removed_in_one(
    alice_client: Client, alice: User
) -> None:
    response = alice_client.post(reverse("home:demo_load"), follow=True)
    assertContains(response, "Loaded the demo network")
    assertContains(response, "Remove demo data")
    assert Person.objects.filter(owner=alice, is_demo=True).count() >= 40
    again = alice_client.post(reverse("home:demo_load"), follow=True)
    assertContains(again, "already loaded")
    response = alice_client.post(reverse("home:demo_remove"), follow=True)
    assertContains(response, "Removed the demo network")
    assert not Person.objects.filter(owner=alice).exists()


def test_forms_are_protected_against_cross_site_requests(alice: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.post("/people/new/", {"name": "Forged"}).status_code == 403
    assert not Person.objects.exists()


def test_person_picker_finds_the_owners_people_only(
    alice_client: Client, bob_client: Client, network: dict[str, Person]
) -> None:
    url = reverse("people:pick_hx")
    response = alice_client.get(url, {"pick_q": "sam", "field": "introducer"})
    assertContains(response, f'name="introducer" value="{network["sam"].pk}"')
    assertNotContains(bob_client.get(url, {"pick_q": "sam"}), "Sam Okafor")
    excluded = alice_client.get(
        url, {"pick_q": "sam", "exclude": str(network["sam"].pk)}
    )
    assertContains(excluded, "Nobody in your network matches")


def test_person_picker_shows_a_few_matches_and_says_there_are_more(
    alice_client: Client, alice: User
) -> None:
    for i in range(12):
        services.create_person(alice, f"Alex {i:02}")
    response = alice_client.get(reverse("people:pick_hx"), {"pick_q": "alex"})
    assert len(response.context["matches"]) == 8
    assertContains(response, "More match")


def test_introducer_form_needs_someone_from_the_owners_network(
    alice_client: Client, bob: User, network: dict[str, Person]
) -> None:
    stranger = services.create_person(bob, "Bob's Friend", is_main_contact=True)
    url = reverse("people:introduction_add", args=[network["loner"].pk])
    response = alice_client.post(url, {"introducer": stranger.pk}, follow=True)
    assertContains(response, "Choose who introduced them")
    assert not network["loner"].introductions_received.exists()


def test_admin_edits_keep_degrees_and_dates_right(alice: User, client: Client) -> None:
    admin_user = User.objects.create_superuser("root", "root@example.com", "pw")
    client.force_login(admin_user)
    dana = services.create_person(alice, "Dana", is_main_contact=True)
    lee = services.create_person(alice, "Lee")
    response = client.post(
        "/admin/people/introduction/add/",
        {
            "owner": alice.pk,
            "introducer": dana.pk,
            "person": lee.pk,
            "introduced_on": "2026-11-02",
            "note": "",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    lee.refresh_from_db()
    dana.refresh_from_db()
    assert (lee.degree, lee.joined_on) == (2, dt.date(2026, 11, 2))
    assert dana.first_helped_on == dt.date(2026, 11, 2)
    intro = Introduction.objects.get()
    client.post(f"/admin/people/introduction/{intro.pk}/delete/", {"post": "yes"})
    lee.refresh_from_db()
    assert lee.degree is None
