"""``Article``: a news article's text and what is known about it.

The article owns its text; every event extracted from it points into that text
with character offsets (``article.text[span.start:span.end] == span.text``).

Examples
--------
>>> import datetime as dt
>>> a = Article(text="The WHO said 56 people were killed.", published=dt.date(2019, 4, 11),
...             url="https://example.org/x", outlet="Example Wire")
>>> a.id == Article(text="other text", url="https://example.org/x").id
True
>>> a.source().published
datetime.date(2019, 4, 11)
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from diplodata.models import SourceRef

__all__ = ["Article"]


class Article(BaseModel):
    """A news article to extract events from.

    Parameters
    ----------
    text
        The article body. Any string, empty included.
    title, url, outlet
        What is known about the article; all optional.
    published
        The publication date; relative dates ("on Thursday", "last week") are
        resolved against it. Without it they stay unresolved (precision ``unknown``).
    language
        An ISO 639-1 code; the extractors handle English (``"en"``).
    id
        A stable id. By default derived from the URL if there is one, else from the text.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: Annotated[str, Field(min_length=2, max_length=8)] = "en"
    id: str = ""

    @model_validator(mode="after")
    def _default_id(self) -> Article:
        if not self.id:
            basis = self.url if self.url else self.text
            digest = hashlib.blake2b(
                basis.encode("utf-8", "surrogatepass"), digest_size=8
            ).hexdigest()
            object.__setattr__(self, "id", digest)
        return self

    def source(self) -> SourceRef:
        """The :class:`~diplodata.models.SourceRef` that events from this article carry."""
        return SourceRef(
            article_id=self.id,
            url=self.url or None,
            title=self.title or None,
            outlet=self.outlet or None,
            published=self.published,
        )
