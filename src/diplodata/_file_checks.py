r"""Telling from a file's first bytes that it is not UTF-8 text: UTF-16, compressed, an archive.

Used by the JSON Lines and CSV readers of :mod:`diplodata.io`, so that such a file
is refused with a message that says what it is, before any line is read.

Examples
--------
>>> from pathlib import Path
>>> refuse_binary(b"\x1f\x8b\x08\x00", Path("events.jsonl"), "jsonl")
Traceback (most recent call last):
...
diplodata.errors.DataError: events.jsonl: not JSON Lines text: this is a gzip-compressed file; decompress it first (gunzip)
"""

from __future__ import annotations

from pathlib import Path

from diplodata.errors import DataError

__all__ = ["UTF8_BOM", "refuse_binary", "refuse_utf16"]


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF8_BOM = b"\xef\xbb\xbf"

# First bytes of files that are not text, and what to tell the user.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "a gzip-compressed file; decompress it first (gunzip)"),
    (b"PK\x03\x04", "a ZIP archive (or an Excel workbook); extract or export the data first"),
    (b"BZh", "a bzip2-compressed file; decompress it first (bunzip2)"),
    (b"\xfd7zXZ\x00", "an xz-compressed file; decompress it first (unxz)"),
    (b"\x28\xb5\x2f\xfd", "a zstd-compressed file; decompress it first (unzstd)"),
    (b"PAR1", "a Parquet file; name it .parquet or pass format='parquet'"),
)


def refuse_binary(head: bytes, path: Path, fmt: str) -> None:
    """Refuse a file whose first bytes say it is compressed, an archive, or Parquet."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            name = "JSON Lines" if fmt == "jsonl" else "CSV"
            raise DataError(f"not {name} text: this is {what}", path=path)


def refuse_utf16(head: bytes, path: Path) -> None:
    """Refuse a UTF-16 (or UTF-32) file: a byte-order mark, or NUL bytes between characters.

    Both JSON Lines and the CSV header start with ASCII text, which UTF-16 without
    a byte-order mark writes with a NUL byte before or after each character.
    """
    if head.startswith(_UTF16_BOMS) or b"\x00" in head[:2]:
        raise DataError(
            "the file is UTF-16 encoded; diplodata reads UTF-8 (re-save it as UTF-8)", path=path
        )
