"""The limits, speech-verb lists and compiled patterns of the statement extractor (:mod:`~diplodata.extract.statements`).

The quotation and window limits, the speech verbs by the act they carry, the gaps
between a speaker and its verb, attribution tails and clause cuts, and the patterns
that read the act from what is said; all stdlib ``re`` with possessive or bounded
quantifiers.
"""

from __future__ import annotations

import re

from diplodata.extract.text import _Runs
from diplodata.models import Act

MAX_QUOTE = 1000
"""The longest quotation (in characters) that is accepted; a longer one is not a quote."""

_WINDOW = 250  # how far from a verb its speaker, its quote or its "that" may be
_MAX_CONTENT = 1000  # the longest paraphrased clause kept

# ----------------------------------------------------------------------- lexicon

_VERB_ACTS: dict[str, str] = {
    "appeal": "urged|urges|called for|calls for|called on|calls on|called upon|appealed|appeals|"
    "asked|asks|proposed|proposes|pleaded",
    "demand": "demanded|demands|insisted|insists",
    "warning": "warned|warns|cautioned|voiced fears|voiced concern|voiced alarm|expressed fears|"
    "expressed concern|expressed alarm|raised fears|raised concerns",
    "threat": "threatened|threatens|vowed|vows",
    "condemnation": "condemned|condemns|denounced|denounces|deplored|deplores|accused|accuses|"
    "criticised|criticized|criticises|criticizes",
    "denial": "denied|denies",
    "support": "welcomed|welcomes|backed|supported|praised|praises|hailed|hails|endorsed|"
    "reaffirmed|reaffirms|voiced support|expressed support",
    "claim": "claimed|claims|acknowledged|acknowledges|admitted|admits|blamed|blames",
    "announcement": "announced|announces|ordered|orders|named|declared|declares",
    "comment": "said|says|told|tells|added|adds|stated|noted|described|describes|explained|"
    "argued|stressed|rejected|rejects|confirmed|confirms|reiterated|reiterates|dismissed|"
    "dismisses|ruled out|rules out|pledged|pledges|promised|promises",
}
"""Speech verbs by the act they carry ("comment": the act comes from what is said)."""
_VERB_ACT = {v: act for act, verbs in _VERB_ACTS.items() for v in verbs.split("|")}
_VERB = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(sorted((re.escape(v) for v in _VERB_ACT), key=len, reverse=True))
    + r")(?![\w-])"
)
_VERB_FIRST = frozenset(v.split()[0] for v in _VERB_ACT)
"""The first word of every speech verb: a match of :data:`_VERB` starts with one of them."""
_VERB_FIRST_BYTES = frozenset(w.encode() for w in _VERB_FIRST)


def _speech_verbs(text: str, runs: _Runs | None = None) -> list[tuple[int, int, str]]:
    """What ``_VERB.finditer(text)`` finds, as (start, end, verb).

    A match starts a word (nothing word-like before it) and its first word is one of
    :data:`_VERB_FIRST`, all lowercase ASCII letters, with no letter on either side: so
    in the runs of ASCII letters of ``text`` (:attr:`.Text.runs`, made here if not
    given) that word is a whole run. ``_VERB`` is tried only at such runs, left to
    right and never inside a match already made.
    """
    if runs is None:
        runs = _Runs(text)
    found: list[tuple[int, int, str]] = []
    pos = 0
    match = _VERB.match
    for place in runs.where(_VERB_FIRST_BYTES):
        if place >= pos:
            verb = match(text, place)
            if verb is not None:
                pos = verb.end()
                found.append((place, pos, verb.group()))
    return found


_SAY_VERBS = frozenset(
    (
        "said",
        "says",
        "told",
        "tells",
        "added",
        "adds",
        "stated",
        "noted",
        "explained",
        "argued",
        "stressed",
    )
)
# Verbs whose complement is the content ("said that X": X), not the verb phrase itself.
_THAT_VERBS = _SAY_VERBS | frozenset(
    (
        "confirmed",
        "confirms",
        "warned",
        "warns",
        "cautioned",
        "announced",
        "announces",
        "declared",
        "declares",
        "claimed",
        "claims",
    )
)
_INVERTED_VERBS = _SAY_VERBS - {"told", "tells"} | {"warned", "warns", "asked", "asks"}
"""Verbs that may come before their speaker after a clause ("..., said X"; "told X" names
the audience)."""
_OBJECT_VERBS = frozenset(  # verbs whose object, if an actor, is the addressee
    ("urged", "urges", "asked", "asks", "told", "tells", "warned", "warns")
)
_SUPPORT_MATERIAL = frozenset(("backed", "supported", "endorsed"))
_REJECT_VERBS = frozenset(  # a denial if what is rejected is a claim
    ("rejected", "rejects", "dismissed", "dismisses", "ruled out", "rules out")
)
_OFFICE_HOLDER = re.compile(
    r"\s++(?:the\s++|his\s++|her\s++|its\s++|their\s++|a\s++)?(?:[\w'-]++\s++){0,2}?"
    r"(?:head|chief|commander|ministers?|governor|director|officials?|officers?|generals?|"
    r"ambassador|envoy|staff|employees|workers|cabinet|government)\b"
)
"""What "dismissed" removes from office when it names it ("dismissed the army chief")."""
_PLEDGE_VERBS = frozenset(("pledged", "pledges", "promised", "promises"))
"""Verbs of commitment: the act is read from what is pledged, else an announcement."""

_DATE_TOKEN = "\x00"  # stands for a date phrase inside a gap
_ADV = (
    r"(?:also|later|then|again|once|separately|previously|repeatedly|publicly|reportedly|"
    r"formally|already|has|have|had|himself|herself|itself|on\s+\w+|late\s+on\s+\w+|"
    r"yesterday|today|\w+ly|" + _DATE_TOKEN + ")"
)
_GAP_PLAIN = re.compile(rf"(?:\s++{_ADV})*+\s++")
_GAP_APPOSITION = re.compile(rf",\s++(?P<app>[^\"\n]{{1,200}}),(?:\s++{_ADV})*+\s++")
_GAP_RELATIVE = re.compile(rf",\s++(?:who|which)(?:\s++{_ADV})*+\s++")
_GAP_COMMA = re.compile(rf",(?:\s++{_ADV})*+\s++")
_GAP_AGENT = re.compile(rf"(?:\s++{_ADV})*+\s*+,\s++")
_AGENT_BEFORE = re.compile(
    r",\s++(?:announced|issued|released|proposed|presented|published|put\s+forward)\s++by\s++$"
)
_GAP_SPOKES = re.compile(
    rf"(?P<pos>'s)?\s++(?:spokesman|spokeswoman|spokesperson|office)(?:\s++{_ADV})*+\s++"
)
_PRONOUN_IT = re.compile(rf"(?<![\w-])(?:[Ii]t|[Tt]hey)(?:\s++{_ADV})*+\s++$")
_COORDINATION = re.compile(
    r"(?:,\s*+)?\b(?:and|but)\s++(?:also\s++|then\s++|later\s++|(?:at|in|during|after)\s++"
    r"(?:that|the|this|those|these|its|their)\s++\w++(?:\s++\w++)?,?\s++)?$"
)
"""A verb that continues its sentence's subject: "and called for", "and at that meeting called for"."""
_DATELINE = re.compile(  # "TRIPOLI, April 4 (Reuters) - "
    r"[A-Z][^\n()]{0,80}\([A-Za-z][\w .-]{0,30}\)\s*+-\s*+|[A-Z][A-Z .,'-]{2,40}\s-\s"
)


def _dateline(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_DATELINE.match(text, start, end)``, skipped where it cannot match.

    Either form needs a "(" or a "-" between ``start`` and ``end``.
    """
    if text.find("(", start, end) < 0 and text.find("-", start, end) < 0:
        return None
    return _DATELINE.match(text, start, end)


_INTRO = re.compile(r"(?:[A-Z\x00][^,\"\n]{0,60},\s++){0,2}")
"""What may open a sentence before its subject: up to two phrases set off by commas, such
as "Last week, " or "Two weeks earlier, on June 6, " (a date phrase masked to one character)."""
_ATTRIBUTION = re.compile(
    r"\s*+,?\s*+(?P<att>in\s+an?\s+(?:\w+\s+){0,2}?(?:statement|speech|address|interview|"
    r"briefing|post|message|(?:report|update|bulletin)\b)"
    r"(?:\s+(?:issued|posted|released)\s+by\s+[^,.;\"]{1,60}|\s+to\s+(?:the\s+)?"
    r"(?:[A-Z][\w'-]*+(?:\s++(?=[A-Z]))?){1,5}|\s+to\s+(?:reporters|journalists|the\s+press))?|"
    r"according\s+to\s+[^,.;\"]{1,80}|on\s+(?:Twitter|X|Facebook|social\s+media|state\s+"
    r"television|television))"
)
_CUT = re.compile(
    r",\s++(?:as(?!\s+(?:long|soon|well)\s+as\b)|but(?!\s+that\b)|while|whereas|which|who|whose|raising|now|"
    r"according|in\s+an?\s|at\s+the|and\s++[A-Z][\w'-]*+(?:\s++[\w'-]++){0,3}?\s++(?:has|have|"
    r"had|is|are|was|were|will|would)|"
    r"after|before|when|amid|adding|saying|citing\s+(?:no|a\s)|(?:\w+\s+)?(?:days?|hours?|weeks?)"
    r"\s+(?:after|before|later|earlier)|the\s+(?:same\s+)?(?:day|night|morning|evening))\b"
    r"|\s++in\s+an?\s+(?:\w+\s+){0,2}?(?:statement|speech|address|interview|briefing|report|"
    r"update|bulletin)\b"
    r"|\s++according\s+to\b"
    r"|,?\s++(?:and|but)\s++(?:(?:he|she|it|they|we)\s++)?(?:also\s++|then\s++)?(?:"
    + "|".join(sorted((re.escape(v) for v in _VERB_ACT), key=len, reverse=True))
    + r")(?![\w-])"
)
_TRAILING_TIME = re.compile(r"\s+(?:at\s+the\s+time|after\s+the\s+(?:talks|meeting)|on\s+\w+)$")
_TAIL = re.compile(
    r",\s++(?!(?:and|but|while|as|though|although|adding|saying)\b)"
    r"(?P<tail>(?:[^,\"\n]{1,60}?)\s(?:said|added|reported|read|told)(?:\s[^,\"\n]{0,60})?)"
    r"[.!?]?$"
)
_LEAD_IN = re.compile(rf"(?:\s*+(?:{_ADV}|after\s+the\s+\w+))*+\s*+")
_TAIL_VERB = re.compile(r"\s(?:said|added|reported|read|told)\b")
_THAT = re.compile(r"[^,\".;:\n]{0,110}?\bthat\s++")
_THAT_ASIDE = re.compile(r"[^,\".;:\n]{0,40}?,\s++[^,\".;:\n]{1,100}?,\s++that\s++")
"""A "that" after an aside between commas: 'said on Friday, in a statement, that ...'."""
_CLAUSE_BEFORE_THAT = re.compile(
    r"\b(?:had|has|have|was|were|is|are|would|will|could|did|does|do|should|might|must|can)\b"
)
"""An auxiliary between a verb and its "that": the words before "that" are a clause of their
own ("said the sides had accepted that ..."), not a time or a channel ("said on Sunday that")."""
_TOLD_OBJECT = re.compile(r"\s++(?P<obj>[^,\".;:\n\x00]{1,80}?)(?=\s++that\b|\s*+[,.;:\x00]|\s*+$)")
_SINGLE_QUOTE = re.compile(r"(?<![\w'])'(?=\w)(?P<q>[^'\n]{1,200}+)'(?!\w)")
_TOLL = re.compile(
    r"\b(?:killed|dead|died|deaths?|wounded|injured|displaced|fled|toll|casualt\w*)\b"
)
_EVENT_REPORT = re.compile(r"\b(?:talks|met|meet|meeting|visit\w*|hold\s+talks|call)\b")
_RIGHT_APPOSITION = re.compile(r",\s++(?:a|an|the)\s[^,\"\n]{0,150}+,?")
_EVENT_RELATIVE = re.compile(
    r"\b(?:[Aa]fter|[Ff]ollowing)\s+(?:the|their|his|her|its|that|those)\s+(?:talks|meeting|"
    r"summit|conference|signing|visit|call)\b|"
    r"\bat\s+the\s+(?:\w+\s+)?ceremony|\b(?:alongside|beside)\s+\w"
)
_RELATIVE_OPEN = re.compile(r",\s++(?:who|whose|whom|which)\b[^,\"]*+$")
"""A relative clause still open where the search ends (no comma closes it before)."""
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who|whom|whose\s++\w+)\s++$")
_WHOSE_BEFORE = re.compile(r",\s++whose\s++(?:\w+\s++){1,2}$")
_SURNAME_BEFORE = re.compile(
    r"(?<![\w-])([A-Z][\w'-]++)(?:\s++(?:has|have|had|also|then|later))*+\s++$"
)
# Small gaps and clause checks, compiled once (they run for every speech verb).
_THE_GAP = re.compile(r"\s++(?:the\s++)?")
_QUOTE_GAP = re.compile(
    r"[\s,]*+(?:(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s++(?:[a-z][\w'-]*+\s++){0,3}+)?"
)
"""Between a quotation and its speaker: '"...," its spokesman X said', '"...," the army's
spokesman X said' (a title in lowercase words after a determiner)."""
_SENTENCE_BREAK = re.compile(r"[.!?]\s")
_LEAD = re.compile(r"(?P<body>[^\"]*?)(?P<p>[:,])?\s*+")
_PUNCT_AFTER = re.compile(r"\s*+[,.;:]")
_WHO_CLAUSE = re.compile(r",\s*+(?:who|which)\b[^,]*+$")
_WHO_START = re.compile(r"\s*(?:who|which)\b")
_BOUND_BEFORE = re.compile(r"\b(?:from|by|until|till|since|before|after|to)\s*$")
_BOUND_BEFORE_OF = re.compile(r"\b(?:from|by|until|till|since|before|after|to|of)\s*$")
_SUPPORT_WORD = re.compile(r"\bsupport\b")
_WORD_END = re.compile(r"[\w-]*")
_COUNTRY_BEFORE = re.compile(
    r"([A-Z][a-z]++(?:\s[A-Z][a-z]++)?)(?:\s++(?:has|have|had|also))*+\s++$"
)
_THE = re.compile(r"(?:[Tt]he\s++)?")
_APPEAL_TO = re.compile(
    r"\b(?:urged|urges|called\s+on|calls\s+on|asked|asks|message\s+to|warned|told)\s++(?:the\s++)?"
)
_PRESENT_VERBS = frozenset(v for v in _VERB_ACT if v.split()[0].endswith("s"))
_SAME_STATEMENT = re.compile(r"(?:In|in)\s+the\s+same\s+(?:statement|speech|remarks|interview)")

_ROLE_OBJECT = (  # "recognised the Field Marshal's role": whose part is acknowledged
    r"\"?(?:the|his|her|its|their)\s++(?:[\w'-]++\s++){0,3}?(?:part|role|contribution|efforts)"
)
_RESPONSIBILITY = re.compile(  # "it had carried out the strike": a claim of the act
    r"^(?:he|she|it|we|i|they|(?:his|her|its|our|their)\s+\w+)\s+(?:had\s+|has\s+|have\s+)?"
    r"(?:carried\s+out|conducted|was\s+behind|were\s+behind)\b",
    re.IGNORECASE,
)

_WARNING = re.compile(  # a danger the speaker does not control
    r"\b(?:danger(?:s|ous)?|at\s+risk|risks?\s+(?:of|a|an|the|to)|against\s+the\s+clock|"
    r"out\s+of\s+reach|catastroph\w*|on\s+the\s+brink|spiral\w*\s+(?:out|into)|"
    r"slide\s+into|running\s+out\s+of\s+time)\b",
    re.IGNORECASE,
)

# What is said, when the verb says nothing stronger (checked in this order).
_CONTENT_ACTS: tuple[tuple[Act, re.Pattern[str]], ...] = (
    (
        Act.THREAT,
        re.compile(
            r"harsh\s+response|answer\s+for\s+it|expect\s+us\s+to\s+act|will\s+not\s+stand\s+by|"
            r"carry\s+on\s+fighting|keep\s+fighting|red\s+line|\bis\s+red\b|retaliat|"
            r"will\s+respond|prompt\s+\w+\s+to\s+intervene|intervene\s+(?:directly|militarily)|"
            r"\bcrush\b|pay\s+(?:a|the)\s+price|will\s+not\s+stop|until\s+victory|"
            r"(?:severe|decisive|forceful|crushing|firm)\s+response|will\s+not\s+hesitate\s+to|"
            r"teach\s+(?:[\w-]+\s+){1,2}?(?:a|the)\s+lesson|will\s+face\s+(?:the\s+)?consequences|"
            r"(?:trigger|provoke)\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:military\s+)?intervention|"
            r"bring\s+[\w-]+\s+into\s+the\s+(?:war|conflict|fight)",
            re.IGNORECASE,
        ),
    ),
    (Act.DEMAND, re.compile(r"\b(?:ha(?:ve|s|d)\s+to|must)\b", re.IGNORECASE)),
    (
        Act.DENIAL,
        re.compile(
            r"\b(?:unfounded|baseless|untrue|not\s+(?:responsible|involved|behind|represent|"
            r"paid|true)|did\s+not\s+(?:hit|strike|carry|target|attack|bomb|order|fire|shell|shoot|launch|kill)|"
            r"(?:do|does|did)\s+not\s+(?:speak\s+for|belong\s+to|work\s+for|answer\s+to)|"
            r"nothing\s+to\s+do\s+with)\b",
            re.IGNORECASE,
        ),
    ),
    (
        Act.CONDEMNATION,
        re.compile(
            r"war\s+crime|\boppos(?:e|es|ed)\b|declaring\s+war|siding\s+with|dictator|"
            r"obstacle|aggression|criminal|unacceptable|condemn",
            re.IGNORECASE,
        ),
    ),
    (
        Act.CLAIM,
        re.compile(
            r"\b(?:agreed|committed\s+(?:to|themselves)|signed\s+up|accepted|moved\s+forward|"
            r"made\s+headway|progress\s+(?:was|has\s+been|had\s+been)\s+made|"
            r"(?:was|were)\s+(?:responsible|to\s+blame)|made\s+progress|been\s+met|acknowledged\s+that|"
            r"confirmed|reached\s+an?\s+agreement)\b",
            re.IGNORECASE,
        ),
    ),
    (Act.CLAIM, _RESPONSIBILITY),
    (
        Act.APPEAL,
        re.compile(
            r"\b(?:wants?|wanted|asking|ask|asks|asked|urges?|urged|urging|call(?:s|ed)?\s+on|"
            r"appeal(?:s|ed)?\s+to|press(?:es|ed|ing))\b[^.]{0,60}?\bto\b|\bmessage\s+to\b|"
            r"\bwant(?:s|ed)?\s++an?\b|\bappeal(?:s|ed)?\s+(?:to|for)\b|\bshould\b|"
            r"\b(?:i|we)\s+(?:urge|implore|call\s+(?:on|upon|for))\b",
            re.IGNORECASE,
        ),
    ),
    (
        Act.SUPPORT,
        re.compile(
            r"\b(?:support|trust(?:s|ed)?|welcome[sd]?|chance\s+to|stability|bloodshed|historic|"
            r"praised?|commend\w*|acknowledg(?:ed|es|ing)\s++"
            + _ROLE_OBJECT
            + r"|recogni[sz](?:ed|es|ing)\s++"
            + _ROLE_OBJECT
            + r")\b",
            re.IGNORECASE,
        ),
    ),
    (Act.WARNING, _WARNING),
    (
        Act.ANNOUNCEMENT,
        re.compile(
            r"^(?:he|she|it|we|i|they|(?:his|her|its|our|their)\s+\w+|the\s+army)\s+"
            r"(?:was|were|is|are|am|would|will|intend|intends|intended|had\s+decided|planned)\b"
            r"(?!\s+(?:not\s+)?(?:happy|unhappy|pleased|displeased|satisfied|dissatisfied|"
            r"disappointed|optimistic|pessimistic|confident|sure|surprised|worried|glad|sorry)\b)",
            re.IGNORECASE,
        ),
    ),
)
_CONTENT_GATES: dict[Act, str] = {
    Act.THREAT: "abcdefhikprstuw",
    Act.DEMAND: "hm",
    Act.DENIAL: "bdnu",
    Act.WARNING: "acdorsu",
    Act.CONDEMNATION: "acdosuw",
    Act.CLAIM: "abcmprsw",
    Act.APPEAL: "acimpsuw",
    Act.SUPPORT: "abchprstw",
}
"""The first letters of the words each content pattern begins with (the patterns anchored
at the start take theirs from :data:`_ANCHORED_GATES`; the announcement needs none)."""


def _gated(pattern: re.Pattern[str], first: str | None) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead on ``first``, the letters its matches begin with.

    Under the pattern's own flags the class folds case like its words, so the look-ahead
    holds wherever the pattern matches: it only lets the engine skip other places.
    """
    if first is None:
        return pattern
    return re.compile(f"(?=[{first}])(?:{pattern.pattern})", pattern.flags)


_ANCHORED_GATES = {_RESPONSIBILITY.pattern: "hiostw"}
"""The gates of patterns anchored at the start, which are not the gates of their act."""
_CONTENT_ACTS = tuple(
    (
        act,
        _gated(
            p,
            _ANCHORED_GATES.get(p.pattern)
            if p.pattern.startswith("^")
            else _CONTENT_GATES.get(act),
        ),
    )
    for act, p in _CONTENT_ACTS
)
# The same patterns, case-sensitive, for lowercased ASCII text: there they match exactly
# where the case-blind ones match the text (their letters are all lowercase ASCII), and
# literal prefixes make them cheaper.
_CONTENT_ACTS_LOWER: tuple[tuple[Act, re.Pattern[str]], ...] = tuple(
    (act, re.compile(pattern.pattern)) for act, pattern in _CONTENT_ACTS
)
_DENIAL_OBJECT = re.compile(
    r"^(?:\w+\s+)?(?:the\s+|these\s+|such\s+)?(?:claims?|charges?|accusations?|allegations?|"
    r"reports?|suggestions?|assertions?|rumou?rs?)\b"
)
"""What "rejected" denies when it names it: "rejected (the) accusations", "rejected all claims"."""
