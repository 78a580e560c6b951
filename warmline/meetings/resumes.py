"""Resume uploads: only documents of known types and sizes are kept."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from warmline.accounts.models import User
from warmline.core.ranges import check_date
from warmline.meetings.models import ResumeVersion

ALLOWED = {
    "pdf": "PDF",
    "docx": "Word (DOCX)",
    "odt": "OpenDocument (ODT)",
    "txt": "text",
}


def validate_resume(upload: UploadedFile) -> str:
    """Check type (by name and by content) and size; return the extension."""
    name = upload.name or ""
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in ALLOWED:
        kinds = ", ".join(f".{e}" for e in ALLOWED)
        raise ValidationError(
            f"{name!r} is not a resume file Warmline keeps ({kinds})."
        )
    limit = settings.RESUME_MAX_BYTES
    if upload.size is None or upload.size > limit:
        raise ValidationError(
            f"{name!r} is {filesizeformat(upload.size or 0)}; "
            f"the limit is {filesizeformat(limit)}."
        )
    if upload.size == 0:
        raise ValidationError(f"{name!r} is empty.")
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if not _content_matches(extension, head, upload):
        raise ValidationError(
            f"{name!r} does not look like a {ALLOWED[extension]} file."
        )
    return extension


def _content_matches(extension: str, head: bytes, upload: UploadedFile) -> bool:
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension == "txt":
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character cut at the end of the sample is still text.
            return error.start >= len(head) - 3 and b"\x00" not in head
        return b"\x00" not in head
    # DOCX and ODT are zip archives.
    if not head.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return False
    finally:
        upload.seek(0)
    return (
        "word/document.xml" in names if extension == "docx" else "content.xml" in names
    )


def add_resume(
    owner: User, upload: UploadedFile, label: str, dated: dt.date
) -> ResumeVersion:
    validate_resume(upload)
    check_date(dated)
    return ResumeVersion.objects.create(
        owner=owner,
        label=label.strip() or PurePath(upload.name or "resume").stem,
        file=upload,
        original_name=PurePath(upload.name or "resume").name[:255],
        size=upload.size or 0,
        dated=dated,
    )


def delete_resume(resume: ResumeVersion) -> None:
    """Delete the version and its file; meetings that used it keep everything else."""
    storage, name = resume.file.storage, resume.file.name
    resume.delete()
    if name and storage.exists(name):
        storage.delete(name)
