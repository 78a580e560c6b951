"""`warmline people …` and `warmline demo` through Typer's runner."""

from __future__ import annotations

import pytest

from warmline.accounts.models import User
from warmline.cli.tests.runner import cli, cli_json
from warmline.people import services
from warmline.people.models import Person

pytestmark = pytest.mark.django_db


def test_add_show_and_list_a_chain(alice: User) -> None:
    code, output = cli(
        "people",
        "add",
        "Dana Reyes",
        "--main",
        "--org",
        "Lincoln High",
        "--email",
        "dana@example.com",
        "--phone",
        "(503) 555-0101",
    )
    assert code == 0, output
    assert cli("people", "add", "Sam Okafor", "--introduced-by", "dana reyes")[0] == 0
    victor = cli_json(
        "people",
        "add",
        "Victor Huang",
        "--introduced-by",
        "Sam Okafor",
        "--title",
        "Data Scientist",
        "--tag",
        "data",
    )
    assert victor["degree"] == 3
    assert victor["chain"] == ["Dana Reyes", "Sam Okafor", "Victor Huang"]
    assert victor["introduced_by"] == "Sam Okafor"

    dana = cli_json("people", "show", "Dana Reyes")
    assert dana == {
        **dana,
        "name": "Dana Reyes",
        "organization": "Lincoln High",
        "emails": ["dana@example.com"],
        "phones": ["+15035550101"],
        "is_main_contact": True,
        "introduced_by": None,
        "degree": 1,
        "chain": ["Dana Reyes"],
    }
    listed = cli_json("people", "list")
    assert [p["name"] for p in listed] == ["Dana Reyes", "Sam Okafor", "Victor Huang"]
    searched = cli_json("people", "list", "--search", "data sci")
    assert [p["name"] for p in searched] == ["Victor Huang"]


def test_show_prints_the_chain_in_the_terminal(alice: User) -> None:
    dana = services.create_person(alice, "Dana Reyes", is_main_contact=True)
    services.create_person(alice, "Sam Okafor", introduced_by=dana)
    code, output = cli("people", "show", "sam okafor")
    assert code == 0
    assert "Me → Dana Reyes → Sam Okafor" in output
    code, output = cli("people", "list")
    assert "Sam Okafor" in output and "Dana Reyes" in output


def test_ambiguous_name_is_an_error_that_lists_the_candidates(alice: User) -> None:
    a = services.create_person(alice, "Sam Lee", organization="Nike")
    b = services.create_person(alice, "Sam Lee", organization="Intel")
    code, output = cli("people", "show", "sam lee")
    assert code == 1
    assert f"#{a.pk} Sam Lee (Nike)" in output and f"#{b.pk} Sam Lee (Intel)" in output
    code, output = cli("people", "add", "Nina", "--introduced-by", "Sam Lee")
    assert code == 1
    assert not Person.objects.filter(name="Nina").exists()
    assert cli_json("people", "show", str(b.pk))["organization"] == "Intel"


def test_unknown_name_is_not_guessed_but_suggested(alice: User) -> None:
    services.create_person(alice, "Sam Okafor")
    code, output = cli("people", "add", "Victor", "--introduced-by", "Sam")
    assert code == 1
    assert "No person named 'Sam'" in output and "Did you mean: Sam Okafor?" in output
    assert not Person.objects.filter(name="Victor").exists()


def test_edit_changes_fields_main_flag_and_introducers(alice: User) -> None:
    dana = services.create_person(alice, "Dana", is_main_contact=True)
    kevin = services.create_person(alice, "Kevin", is_main_contact=True)
    services.create_person(alice, "Sam", introduced_by=dana)
    edited = cli_json(
        "people", "edit", "Sam", "--title", "Researcher", "--introduced-by", "Kevin"
    )
    assert edited["title"] == "Researcher"
    assert edited["chain"] == ["Kevin", "Sam"]
    assert edited["introduced_by_all"] == ["Kevin"]
    none = cli_json("people", "edit", "Sam", "--introduced-by", "none")
    assert (none["degree"], none["introduced_by"]) == (None, None)
    main = cli_json("people", "edit", "Sam", "--main")
    assert main["degree"] == 1
    not_main = cli_json(
        "people", "edit", str(kevin.pk), "--no-main", "--name", "Kevin Liu"
    )
    assert (not_main["name"], not_main["degree"]) == ("Kevin Liu", None)


def test_edit_refuses_a_circle_and_changes_nothing(alice: User) -> None:
    dana = services.create_person(alice, "Dana", is_main_contact=True)
    services.create_person(alice, "Sam", introduced_by=dana)
    code, output = cli(
        "people", "edit", "Dana", "--title", "Teacher", "--introduced-by", "Sam"
    )
    assert code == 1 and "circle" in output
    dana.refresh_from_db()
    assert dana.title == ""


def test_bad_phone_is_a_clear_error(alice: User) -> None:
    code, output = cli("people", "add", "Dana", "--phone", "12")
    assert code == 1 and "'12' is not a possible phone number" in output
    assert not Person.objects.exists()


def test_remove_a_person(alice: User) -> None:
    services.create_person(alice, "Dana")
    code, output = cli("people", "remove", "Dana")
    assert code == 0 and "Removed Dana" in output
    assert not Person.objects.exists()


def test_first_command_on_an_empty_database_creates_the_local_owner(db: None) -> None:
    assert cli("people", "add", "Dana", "--main")[0] == 0
    owner = User.objects.get()
    assert Person.objects.get().owner == owner


def test_user_option_is_required_once_there_are_two_users(
    alice: User, bob: User
) -> None:
    code, output = cli("people", "list")
    assert code == 1 and "--user" in output and "alice" in output and "bob" in output
    services.create_person(bob, "Bob's Friend")
    assert cli_json("people", "list", "--user", "alice") == []
    assert [p["name"] for p in cli_json("people", "list", "--user", "bob")] == [
        "Bob's Friend"
    ]
    code, output = cli("people", "show", "Bob's Friend", "--user", "alice")
    assert code == 1 and "No person named" in output
    code, output = cli("people", "list", "--user", "carol")
    assert code == 1 and "No user named 'carol'" in output


def test_demo_loads_once_and_is_removed(alice: User) -> None:
    code, output = cli("demo")
    assert code == 0 and "Loaded the demo network" in output
    code, output = cli("demo")
    assert code == 1 and "already loaded" in output
    mine = services.create_person(alice, "My Own Friend")
    code, output = cli("demo", "--remove")
    assert code == 0
    assert list(Person.objects.values_list("pk", flat=True)) == [mine.pk]


def test_createuser_with_a_password_from_stdin(db: None) -> None:
    code, output = cli(
        "createuser",
        "carol",
        "--email",
        "c@example.com",
        "--password-stdin",
        "--superuser",
        input="a-long-passphrase-42\n",
    )
    assert code == 0, output
    carol = User.objects.get(username="carol")
    assert carol.is_superuser and carol.check_password("a-long-passphrase-42")
    code, output = cli("createuser", "Carol")
    assert code == 1 and "already exists" in output
    code, output = cli("createuser", "dave", "--password-stdin", input="123\n")
    assert code == 1 and "too short" in output
    assert not User.objects.filter(username="dave").exists()


def test_version_and_help(db: None) -> None:
    code, output = cli("--version")
    assert code == 0 and output.startswith("warmline ")
    code, output = cli("people", "--help")
    assert code == 0 and "add" in output and "remove" in output


def test_an_error_prints_what_was_typed_as_typed(alice: User) -> None:
    code, output = cli("people", "show", "Dana [bold]Reyes[/bold]")
    assert code == 1
    assert "Error:" in output and "Dana [bold]Reyes[/bold]" in output


def test_markup_in_what_was_typed_is_printed_as_typed(alice: User) -> None:
    """A name holding Rich markup is never styled or made a terminal link."""
    name = "[bold]Ann[/bold] [link=https://evil.example]Lee[/link]"
    services.create_person(alice, name, title="[red]Chief[/red]", tags=["[i]x[/i]"])
    code, output = cli("people", "list")
    assert code == 0 and "[bold]Ann" in output  # the table wraps the rest
    code, output = cli("people", "show", name)
    assert code == 0
    assert name in output and "[red]Chief[/red]" in output and "[i]x[/i]" in output
    assert "\x1b]8;" not in output  # no hyperlink escape
