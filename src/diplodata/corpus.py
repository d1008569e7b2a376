r"""Read articles from disk: text files with front matter, folders of them, JSON Lines.

A text file holds one article. It may start with front matter between two lines
of three dashes, one ``key: value`` per line (``title``, ``url``, ``outlet``,
``published`` as ``YYYY-MM-DD``, ``id``, ``language``; other keys are ignored)::

    ---
    title: Tripoli death toll rises to 56
    published: 2019-04-12
    ---
    GENEVA, April 12 - The number of people killed ...

Without front matter the whole file is the text and the article id is the file
name without its extension. Front matter that is opened but never closed, a line
in it that is not ``key: value``, or a ``published`` that is not a real date
raises :class:`~diplodata.DataError` naming the file, the line and the key. A
folder with no ``.txt`` files is reported, not read as no articles. A ``.jsonl`` file holds one article per line (an
object with ``text`` and any other :class:`~diplodata.Article` field).

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("---\npublished: 2019-04-12\n---\nBody.\n")
>>> [(a.id, a.published.isoformat(), a.text) for a in read_articles(folder)]
[('a', '2019-04-12', 'Body.\n')]
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from diplodata.article import Article
from diplodata.errors import DataError

__all__ = ["ReadProblem", "iter_articles", "read_article", "read_articles"]

_FIELDS = ("title", "url", "outlet", "published", "id", "language")


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """A file (or a line of one) that could not be read as an article."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}, line {self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


def _front_matter(raw: str, path: Path) -> tuple[dict[str, tuple[int, str]], str]:
    """The front matter (key -> (line, value)) and the body; raises DataError if broken."""
    if not raw.startswith("---"):
        return {}, raw
    lines = raw.split("\n")
    if lines[0].strip() != "---":
        return {}, raw
    if not any(line.strip() == "---" for line in lines[1:]):
        raise DataError(
            "front matter opened by '---' on line 1 is never closed; end it with a line "
            "'---' (or remove the first line if the text is not front matter)",
            path=path,
            line=1,
        )
    meta: dict[str, tuple[int, str]] = {}
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            body = "\n".join(lines[i + 1 :])
            return meta, body.lstrip("\n")
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip().lower()] = (i + 1, value.strip())
        elif line.strip():
            raise DataError(
                f"front matter line is not 'key: value' (got {line.strip()[:60]!r})",
                path=path,
                line=i + 1,
            )
    raise AssertionError("unreachable: a closing line was found above")  # pragma: no cover


def read_article(path: str | os.PathLike[str]) -> Article:
    r"""Read one article from a text file (UTF-8, optional front matter).

    Raises
    ------
    DataError
        If the file is not UTF-8 text or its front matter is broken or has a bad
        value (the message names the file, the line and the key).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "toll.txt"
    >>> _ = path.write_text("---\npublished: 2019-02-30\n---\nBody.\n")
    >>> read_article(path)
    Traceback (most recent call last):
    ...
    diplodata.errors.DataError: .../toll.txt, line 2, field 'published': '2019-02-30' is not a date ...
    """
    p = Path(path)
    try:
        raw = p.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as err:
        raise DataError(f"not UTF-8 text (byte {err.start + 1})", path=p) from err
    meta, body = _front_matter(raw, p)
    fields: dict[str, Any] = {k: v for k, (_, v) in meta.items() if k in _FIELDS and v}
    fields.setdefault("id", p.stem)
    if "published" in fields:
        try:
            fields["published"] = dt.date.fromisoformat(fields["published"])
        except ValueError as err:
            raise DataError(
                f"{fields['published']!r} is not a date ({err}); write it as YYYY-MM-DD",
                path=p,
                line=meta["published"][0],
                field="published",
            ) from err
    try:
        return Article(text=body, **fields)
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(x) for x in first["loc"]) or None
        line = meta[field][0] if field in meta else None
        raise DataError(
            f"bad front matter: {first['msg']}", path=p, line=line, field=field
        ) from err


def iter_articles(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
) -> Iterator[Article | ReadProblem]:
    """Articles from files, folders (their ``*.txt`` files, sorted) and ``.jsonl`` files.

    A file that cannot be read yields a :class:`ReadProblem` instead, and reading
    goes on with the next one.
    """
    items = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    for item in items:
        p = Path(item)
        files = sorted(p.glob("*.txt")) if p.is_dir() else [p]
        if p.is_dir() and not files:
            yield ReadProblem(str(p), None, "a folder with no .txt articles in it")
        for f in files:
            if not f.exists():
                yield ReadProblem(str(f), None, "no such file")
            elif f.suffix.lower() in (".jsonl", ".ndjson"):
                yield from _jsonl_articles(f)
            else:
                try:
                    yield read_article(f)
                except DataError as err:
                    where = f"field {err.field!r}: " if err.field else ""
                    yield ReadProblem(str(f), err.line, where + err.message)
                except OSError as err:
                    yield ReadProblem(str(f), None, err.strerror or str(err))


def _jsonl_articles(path: Path) -> Iterator[Article | ReadProblem]:
    try:
        data = path.read_text("utf-8-sig")
    except (UnicodeDecodeError, OSError) as err:
        yield ReadProblem(str(path), None, f"cannot read: {err}")
        return
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError(f"expected a JSON object, got {type(record).__name__}")
            record.setdefault("id", f"{path.stem}-{number}")
            yield Article.model_validate(record)
        except ValueError as err:
            message = (
                str(err).splitlines()[0]
                if not isinstance(err, ValidationError)
                else (
                    "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors())
                )
            )
            yield ReadProblem(str(path), number, message)


def read_articles(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
) -> list[Article]:
    """All articles from the given files and folders; raises :class:`DataError` on the first bad one."""
    out: list[Article] = []
    for item in iter_articles(paths):
        if isinstance(item, ReadProblem):
            raise DataError(item.message, path=item.path, line=item.line)
        out.append(item)
    return out
