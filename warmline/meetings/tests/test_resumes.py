"""Resume uploads: known document types under a size limit, kept under WARMLINE_HOME."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from warmline.accounts.models import User
from warmline.meetings.models import ResumeVersion

pytestmark = pytest.mark.django_db


def zipped(member: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, "<xml/>")
    return buffer.getvalue()


def upload(client: Client, name: str, content: bytes, label: str = "UX research"):
    return client.post(
        reverse("meetings:resume_list"),
        {
            "file": SimpleUploadedFile(name, content),
            "label": label,
            "dated": "2026-11-01",
        },
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("resume.pdf", b"%PDF-1.7\n..."),
        ("resume.docx", zipped("word/document.xml")),
        ("resume.odt", zipped("content.xml")),
        ("resume.txt", "Jordan Lee — UX researcher, formerly a teacher".encode()),
    ],
)
def test_a_resume_of_each_kind_is_kept_under_warmline_home(
    alice_client: Client, alice: User, name: str, content: bytes
) -> None:
    response = upload(alice_client, name, content)
    assert response.status_code == 302
    resume = ResumeVersion.objects.get(owner=alice)
    stored = Path(resume.file.path)
    assert stored.stat().st_mode & 0o777 == 0o600  # the owner's alone
    assert stored.is_relative_to(Path(settings.MEDIA_ROOT))
    assert stored.read_bytes() == content
    assert resume.original_name == name


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("resume.exe", b"MZ...", "is not a resume file"),
        ("resume.pdf", b"not a pdf at all", "does not look like a PDF"),
        ("resume.docx", b"PK\x03\x04broken", "does not look like a Word"),
        ("resume.docx", zipped("content.xml"), "does not look like a Word"),
        ("resume.txt", b"\x00\x01\x02binary", "does not look like a text"),
        ("resume.pdf", b"", "is empty"),
    ],
)
def test_a_wrong_file_is_refused_with_a_message(
    alice_client: Client, name: str, content: bytes, message: str
) -> None:
    response = upload(alice_client, name, content)
    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not ResumeVersion.objects.exists()


def test_a_file_over_the_limit_is_refused(alice_client: Client, settings) -> None:
    settings.RESUME_MAX_BYTES = 1024
    response = upload(alice_client, "resume.pdf", b"%PDF-" + b"x" * 2000)
    assert "the limit is 1.0" in response.content.decode()
    assert not ResumeVersion.objects.exists()


def test_only_the_owner_downloads_or_deletes_a_resume(
    alice_client: Client, bob_client: Client, alice: User
) -> None:
    upload(alice_client, "resume.pdf", b"%PDF-1.7 mine")
    resume = ResumeVersion.objects.get(owner=alice)
    download = reverse("meetings:resume_download", args=[resume.pk])
    assert bob_client.get(download).status_code == 404
    assert (
        bob_client.post(reverse("meetings:resume_delete", args=[resume.pk])).status_code
        == 404
    )
    response = alice_client.get(download)
    assert b"".join(response.streaming_content) == b"%PDF-1.7 mine"  # type: ignore[attr-defined]
    path = Path(resume.file.path)
    alice_client.post(reverse("meetings:resume_delete", args=[resume.pk]))
    assert not ResumeVersion.objects.exists() and not path.exists()
