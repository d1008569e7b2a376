"""Compiled patterns and word lists of the meeting extractor (:mod:`.meetings`).

Anchor words, clause boundaries, the cues of status, modality, place, topics and
attribution, and the verb table, all stdlib ``re`` with possessive or bounded quantifiers.
"""

from __future__ import annotations

import re

# ----------------------------------------------------------------------------- patterns

# A leading look-ahead on the first characters a pattern's matches can begin with (under
# the pattern's own IGNORECASE, so it folds like the words) holds wherever it matches; it
# only lets the engine skip other places faster. tests/test_extract_fast_paths.py holds
# each gated pattern to its plain form.

# Grouped by first letter, behind a lookahead on those letters: the scan skips every other
# word start cheaply (about 1.3x faster). Grouping changes no match: at a word start at
# most one of the words ends on a word boundary, whatever the order of the alternatives.
_ANCHOR = re.compile(
    r"\b(?=[mtrhwvscipf])"
    r"(?:m(?:et|eets?|eeting)|t(?:alks|alked|elephoned)|host(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|"
    r"welcomed|visit(?:s|ed|ing)?|s(?:poke|poken|peak|ummit|een|ee|aw)|phoned|c(?:alls?|onference)|"
    r"invit(?:e|es|ed)|face-to-face)\b",
    re.IGNORECASE,
)
_ANCHOR_RUNS = frozenset(
    w.encode()
    for w in [
        "met",
        "meet",
        "meets",
        "meeting",
        "talks",
        "talked",
        "telephoned",
        "host",
        "hosts",
        "hosted",
        "hosting",
        "receive",
        "receives",
        "received",
        "receiving",
        "welcomed",
        "visit",
        "visits",
        "visited",
        "visiting",
        "spoke",
        "spoken",
        "speak",
        "summit",
        "seen",
        "see",
        "saw",
        "phoned",
        "call",
        "calls",
        "conference",
        "invite",
        "invites",
        "invited",
        "face",
    ]
)
"""Every match of :data:`_ANCHOR` is one of these words (or starts with "face", of
"face-to-face"), as a whole run of ASCII letters in any case, unless the text holds a
letter that IGNORECASE folds to an ASCII one (see :func:`.meetings._anchor_starts`)."""
_VERB = {
    "met": "meet", "meet": "meet", "meets": "meet", "meeting": "meet",
    "host": "host", "hosts": "host", "hosted": "host", "hosting": "host",
    "receive": "host", "receives": "host", "received": "host", "receiving": "host",
    "welcomed": "host",
    "visit": "visit", "visits": "visit", "visited": "visit", "visiting": "visit",
    "seen": "meet", "saw": "meet", "see": "meet",
    "spoke": "speak", "spoken": "speak", "speak": "speak", "talked": "speak",
    "phoned": "phone", "telephoned": "phone",
    "invite": "invite", "invites": "invite", "invited": "invite",
}  # fmt: skip
_NOUNS = frozenset(
    {"meeting", "talks", "visit", "visits", "call", "calls", "summit", "conference", "face-to-face"}
)
# Boundaries of the clause that holds an anchor (searched backwards from it).
_BOUNDARY = re.compile(
    r"(?=[\s;:wbsdar])(?:\s[-\u2013\u2014]\s|;|:|\b(?:where|who|whom|which|while|when|whose|but|"
    r"said|says|disclosed|announced|reported|added)\b)"
)
_PASSIVE_MET = re.compile(r"\b(?:be|been|being|is|are|was|were|get|got)\s++(?:not\s++)?$")
_NOT_MEETING_AFTER = re.compile(
    r"^\s*+(?:room|rooms|hall|halls|place|point|points|venue|minutes|notes|centre|center|"
    r"call\s++(?:for|on)|table|tables)\b",
    re.IGNORECASE,
)
_POSSIBLE = re.compile(
    r"(?=[wmcpiu])\b(?:whether|might|may|could|possible|possibly|perhaps|if|unless|would\s++like)\b"
)
_HABITUAL = re.compile(
    r"(?=[hreuo])(?:\b(?:has|have|had)\s++been\s++meeting\b|\bregular(?:ly)?\b|"
    r"\bevery\s++(?:week|month|year)\b|\busually\b|\boften\b)",
    re.IGNORECASE,
)
# A leading look-ahead on the first letters of the alternatives (zero-width, implied by
# every match) only lets the engine skip positions faster; the matches are the same.
_DENIED = re.compile(
    r"\b(?=[ndhw])(?:no\s++(?:[\w-]++\s++){0,2}?(?:meeting|talks|summit|call|encounter)\b|"
    r"denied\b|denies\b|did\s++not\s++(?:meet|take\s++place)\b|never\s++met\b|"
    r"no\s++plans?\s++to\s++meet\b|has\s++not\s++been\s++(?:planned|scheduled)\b|"
    r"was\s++not\s++(?:planned|scheduled)\b)",
    re.IGNORECASE,
)
_CANCELLED = re.compile(
    r"\b(?=[cs])(?:called\s++off|cancell?ed|scrapped|cancell?ation)\b", re.IGNORECASE
)
_POSTPONED = re.compile(
    r"(?=[pdr])\b(?:postponed|put\s++off|pushed\s++back|delayed|rescheduled)\b", re.IGNORECASE
)
_PROPOSED = re.compile(
    r"\b(?:offer(?:ed|s)?\s++to\s++(?:host|meet|hold|mediate)|invit(?:e|es|ed|ation)|"
    r"propos(?:ed|es)\s++(?:a\s++|to\s++)?(?:meeting|talks|summit|meet|host)|"
    r"called\s++for\s++(?:direct\s++)?talks|suggested\s++(?:a\s++)?meeting)\b",
    re.IGNORECASE,
)
_PLANNED = re.compile(
    r"\b(?=[wsiadegpntlu])(?:will|shall|would|is\s++to|are\s++to|due|set\s++to|expected\s++to|"
    r"scheduled|going\s++to|"
    r"plans?\s++to|planning\s++to|intends?\s++to|next\s++(?:week|month|year)|tomorrow|"
    r"later\s++(?:on|this|today|in)|upcoming|planned)\b|'ll\b",
    re.IGNORECASE,
)
_PLANNED_RUNS = re.compile(
    rb"\b(?:will|shall|would|due|scheduled|upcoming|planned|tomorrow|ll|"
    rb"(?:is|are|set|expected|going|plans?|planning|intends?) +to|next +(?:week|month|year)|"
    rb"later +(?:on|this|today|in))\b"
)
"""_PLANNED read in the runs of letters (``Text.runs``: lower case, every other character a
space), where it is 2-3x faster. Where _PLANNED matches ``norm[a:b]``, this matches
``runs`` from ``a`` to ``b``: the same letters, lower-cased, each white-space or
apostrophe a space; unless a letter IGNORECASE folds to ASCII ("İ") stands in the text or
``a`` cuts a word (where the slice reads a piece of it as a word)."""
_TOPIC_RUNS = re.compile(
    rb"\b(?:to +discuss|discussed|discussing|for +talks +on|talks +on|to +press +for|"
    rb"to +push +for|focused +on|covered|on +how +to|about) "
)
"""_TOPIC read in the runs of letters, as _PLANNED_RUNS reads _PLANNED: where _TOPIC matches
``norm`` from ``pos`` to ``endpos``, this matches ``runs`` there (about 2.5x faster)."""
# The same patterns read in the runs of letters, as _PLANNED_RUNS reads _PLANNED: where the
# pattern matches ``norm[a:b]`` (and the text is plain, ``a`` and ``b`` cut no word), its
# _RUNS form matches ``runs`` from ``a`` to ``b``. Literal words and white space only.
_HABITUAL_RUNS = re.compile(
    rb"\b(?:(?:has|have|had) +been +meeting|regular(?:ly)?|every +(?:week|month|year)|"
    rb"usually|often)\b"
)
_PROPOSED_RUNS = re.compile(
    rb"\b(?:offer(?:ed|s)? +to +(?:host|meet|hold|mediate)|invit(?:e|es|ed|ation)|"
    rb"propos(?:ed|es) +(?:a +|to +)?(?:meeting|talks|summit|meet|host)|"
    rb"called +for +(?:direct +)?talks|suggested +(?:a +)?meeting)\b"
)
_POSSIBLE_RUNS = re.compile(
    rb"\b(?:whether|might|may|could|possible|possibly|perhaps|if|unless|would +like)\b"
)
_CANCELLED_RUNS = re.compile(rb"\b(?:called +off|cancell?ed|scrapped|cancell?ation)\b")
# Words one of which every match of a pattern holds (lower case; see Groundwork.occurs).
_CANCELLED_WORDS = (b"called", b"cancel", b"scrapped")
_POSTPONED_WORDS = (b"postponed", b"put", b"pushed", b"delayed", b"rescheduled")
_VIDEO_WORDS = (b"video", b"virtual")
_CALL_WORDS = (b"phone",)
_TO_MEET = re.compile(r"\bto\s++(?:meet|host|receive|visit|hold\s++talks)\b", re.IGNORECASE)
_PAST = re.compile(
    r"\b(?:met|held|hosted|received|visited|travelled|traveled|flew|arrived|went|came|was|were|"
    r"had|spoke|said)\b"
)
_VIDEO = re.compile(
    r"(?=v)(?:\bvideo\b|\bvideo-?conferenc\w*|\bvideo\s++link\b|\bvirtual(?:ly)?\b)",
    re.IGNORECASE,
)
_CALL = re.compile(
    r"\b(?=[tpb])(?:(?:tele)?phone(?:d)?\b|by\s++phone\b|phone\s++call\b|telephone\s++call\b)",
    re.IGNORECASE,
)
# Appositive after a name: ", the head of X," / ", who ...," (skipped up to its closing comma).
_APPOS = re.compile(
    r",\s++(?:the|a|an|his|her|its|their|head|chief|leader|speaker|commander|who|whose|which|"
    r"prime|president|foreign|deputy|acting|then|now|[a-z][\w-]*+\s++(?:of|to|for)\b)[^,;()]{0,140}?(?=,)"
)
_COORD = re.compile(
    r",?\s++(?:and(?:\s++with)?|as\s++well\s++as|along\s++with|together\s++with)\s++(?:the\s++)?|"
    r",\s++"
)
_AFTER_COORD_VERB = re.compile(
    r"\s++(?:[a-z]++\s++)?(?:met|meet|said|says|has|had|was|is|will|told|held|called|visited|"
    r"hosted|received|spoke|agreed|added)\b"
)
_POSSESSIVE_APPOS = re.compile(r"['’]s\s++(?:[\w-]++\s++){0,2}?[\w-]++,\s++")
_OBJ_LEAD = re.compile(
    r"\s*+(?:with\s++|to\s++|by\s++(?:tele)?phone\s++(?:with\s++|to\s++)?|"
    r"on\s++the\s++(?:tele)?phone\s++(?:with\s++|to\s++)?|over\s++the\s++phone\s++(?:with\s++|to\s++)?|"
    r"by\s++video\s++(?:link\s++)?(?:with\s++|to\s++)?)?"
)
_LIST_LEAD = re.compile(
    r"(?=[wbajio])\b(?:with|between|among|attended\s++by|joined\s++by|involving|involve|"
    r"bringing\s++together|brought\s++together|of|by)\s++",
    re.IGNORECASE,
)
_HOSTED_EVENT = re.compile(
    r"\s++(?:(?:an?|the|its|his|her|their)\s++)?(?:[\w-]++\s++){0,3}?"
    r"(?:summit|conference|talks|meeting|meetings|forum|gathering|round|negotiations)\b"
)
_DATELINE = re.compile(r"[A-Z][A-Z .,'-]{2,40}+[^\n]{0,60}?\s[-\u2013\u2014]\s")
_SAME_EVENT = re.compile(
    r"\b(?:the\s++same\s++day|that\s++day|hours\s++(?:after|before|later|earlier)|"
    r"later\s++that\s++day|shortly\s++(?:after|before))\b",
    re.IGNORECASE,
)
_DETERMINED = re.compile(
    r"(?=[athinfs'’])(?:\b(?:a|an|the|his|her|their|its|no|this|that|first|second)|['’]s)"
    r"\s++(?:[\w-]++\s++)?$",
    re.IGNORECASE,
)
_DEFINITE = re.compile(
    r"\b(?:the|these|those|this)\s++(?:(?!an?\s)[\w-]++\s++){0,2}?$", re.IGNORECASE
)
_THEIR = re.compile(r"\b(?:their|a\s++joint)\s++(?:[\w-]++\s++)?$", re.IGNORECASE)
_POSSESSOR = re.compile(r"['’]s\s++(?:[\w-]++\s++){0,2}?$")
_FOLLOW_UP = re.compile(
    r"\s*+(?:The|These|Those)\s++(?:[\w-]++\s++)?(?:talks|meeting|meetings|summit|conference|visit|"
    r"discussions)\b"
)
_FOLLOW_LIST = re.compile(
    r"\b(?:attended\s++by|(?:also\s++)?involve[sd]?|joined\s++by|also\s++included|"
    r"included|bring\s++together|brought\s++together)\s++"
)
_SAID_AFTER = re.compile(r"\s++(?:[a-z]++\s++)?(?:said|says|told|added|announced)\b")
_PLACE_PREP = re.compile(r"\b(?:in|at|to|inside|near)\s++(?:the\s++)?$", re.IGNORECASE)
_TOPIC = re.compile(
    r"(?=[tdfcoa])\b(?:to\s++discuss|discussed|discussing|for\s++talks\s++on|talks\s++on|"
    r"to\s++press\s++for|to\s++push\s++for|focused\s++on|covered|on\s++how\s++to|about)\s++"
)
_TOPIC_END = re.compile(
    r"[,.;:\"“”()]|\s(?:as|in\s++a|ten|two|three|four|five|just|while|after|before|when|which|"
    r"along\s++with|but|on\s++(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
)
_TOPIC_SPLIT = re.compile(
    r",\s++(?:and\s++)?(?:on\s++)?|\s++and\s++(?:on\s++)?|\s++as\s++well\s++as\s++"
)
_ARTICLE = re.compile(r"^(?:a|an|the|how\s++to)\s++", re.IGNORECASE)
_ATTR_END = re.compile(
    r",\s++(?P<a>(?:the|a|an)\s++[^,\"“”]{2,60}?\s++(?:has\s++|have\s++)?"
    r"(?:said|says|disclosed|announced|reported|confirmed|told\s++[A-Z]\w*+)"
    r"(?:\s++in\s++a\s++statement)?)\s*+(?:[,.]|$)"
)
# The verbs every match of _ATTR_END and _ATTR_LEAD holds ("says" holds "say").
_ATTR_VERBS = ("said", "say", "reported", "told", "disclosed", "announced", "confirmed")
_ATTR_CUE = re.compile("|".join(_ATTR_VERBS))
"""Finds one of _ATTR_VERBS in ``norm[s:e]`` (``search(norm, s, e)``) in one scan, not seven."""
_ATTR_ACCORDING = re.compile(r"\baccording\s++to\s++(?P<a>[^,.;\"“”]{3,80})")
_ATTR_LEAD = re.compile(
    r"(?P<a>(?:a\s++|the\s++)?(?:reports?|sources?|officials?|diplomats?)"
    r"(?:\s++(?:from|in|close\s++to)\s++(?:the\s++)?[A-Z][\w-]*+(?:\s++[A-Z][\w-]*+)?)?)"
    r"(?:\s++[^,.;]{0,30}?)?\s++(?:said|say|says|reported|told\s++\w++)\b"
    r"|(?P<b>(?:the\s++)?(?:[A-Z][\w.'-]*+\s++){1,4}?(?:said|disclosed|announced|confirmed))"
    r"(?:\s++that)?\s"
)

# Small cues, compiled once (they were inline ``re.search(r"...")`` calls).
_NO_BEFORE = re.compile(r"\bno\s++(?:[\w-]++\s++){0,2}$")
_AFTER_END = re.compile(r"\bafter\s++$")
_NEXT_WHEN = re.compile(
    r"\bnext\s++(?:week|month|year|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\btomorrow\b"
)
_PLACE_CUT = re.compile(r",\s++(?:as|while|after|before|a\s++day|two|three|four|ten|which)\b|;")
_AT_END = re.compile(r"\bat\s++(?:the\s++)?$")
_TOPIC_TAIL = re.compile(r",[^.;:\"“”]{0,200}")
_AND_IN = re.compile(r",\s++and\s")
_VISIT_DET = re.compile(r"\b(?:a|an|the|his|her|their|its|['’]s)\s++(?:[\w-]++\s++)?$")
_CALL_KIND = re.compile(r"(?:phone|video|conference)\s++$", re.IGNORECASE)
_CALL_WITH = re.compile(r"\s++(?:with|between)\s")
_SPEAK_LEAD = re.compile(r"\s++(?:by\s|on\s|over\s|with\s|to\s)")
_BY = re.compile(r"\s++by\s")
_BY_LEAD = re.compile(r"\s++by\s++")
_LIST_CUT = re.compile(r"[;:]|,\s++(?!attended|joined|with)")
_HOSTED_BY = re.compile(r"(?:hosted|organi[sz]ed)\s++$")
"""A host named after a noun ("a summit hosted by X"); a chair ("chaired by X") is no host."""
_STATE_LEAD = re.compile(
    r"\s*+(?:But\s++|And\s++)?(?P<c>[A-Z][\w'.-]*+(?:\s++[A-Z][\w'.-]*+){0,2})\s"
)
_DATE_AND = re.compile(r",?\s++and\s++(?:on\s++)?")
_YEAR = re.compile(r"\b\d{4}\b")


def _lookup_verb(word: str) -> str | None:
    return _VERB.get(word.lower())


_LAST_SEEN = re.compile(r"(?<!\bwas\s)(?<!\bwere\s)\blast\s++$")
"""'had last seen X', 'last saw X': a meeting recalled (not 'was last seen')."""
_ORDINAL_TIME = re.compile(
    r"\b(?:was|is|be|been|marks|marked)\s++(?:only\s++)?the\s++"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s++time\b"
)
"""'It was the second time X had met Y': a count of meetings (not 'For the first time, X met Y')."""
_PAIR = re.compile(
    r"\b(?:[Tt]he\s++two|[Bb]oth)\s++(?:leaders|men|women|presidents|ministers|"
    r"(?:prime|foreign)\s++ministers|heads\s++of\s++state)\b"
)
"""'The two leaders also held talks': those of the meeting just reported."""
_ELIDED = re.compile(r",?\s*+(?:in|at|on)\s++[^,;:()\"]{1,80}?,\s++and\s++(?:then\s++|later\s++)?")
"""After an object: its place or date, then ', and' and the object of a second meeting."""
_ELIDED_AFTER = re.compile(
    r"\s++(?:in|at|on|the\s++(?:next|following)\s++day|a\s++day\s++later|"
    r"(?:two|three|four|five|\d++)\s++days\s++later)\b"
)
"""What follows the object of an elided meeting: its place or time, no verb."""
_OWNED = re.compile(
    r"(?:['’]s)?\s++(?:(?:[\w-]++\s++){0,2}?[\w-]++,\s++|"
    r"(?:(?!(?:and|or|of|for|to|with|in|on|at|by|from|over|against|as|who|which|that|"
    r"has|had|have|was|is|were|are|will|would|said|says|told|met|meet|held|received|hosted|"
    r"visited|spoke)\b)[\w-]++\s++){0,3})"
)
"""Between an owner and the actor it owns: "Libya's eastern commander Khalifa Haftar",
"Haftar's rival, Fayez al-Sarraj", "her foreign minister, Heiko Maas"."""
_JOINED = re.compile(
    r"\b(?:(?:took\s++part|participated|sat)\s++in\s++(?:on\s++)?|attended\s++|joined\s++|"
    r"(?:joined|accompanied)\s++(?:[\w-]++\s++){1,3}?(?:in|at|for|to)\s++)"
    r"(?:the|both|all|these|those|their)\s++(?:talks|meetings?|summit|conference|discussions)\b"
)
"""'X also took part in the talks', 'Y attended the meeting', 'Z joined the chancellor in
both meetings': more attendees for the meeting (or both meetings) just reported."""
_JOIN_RUNS = frozenset((b"part", b"participated", b"sat", b"attended", b"joined", b"accompanied"))
"""A word every match of :data:`_JOINED` holds (as a whole run of ASCII letters)."""
_DELEGATION_OBJECT = re.compile(r"(?:the\s++)?delegations?\s++(?:of|from)\s++(?:the\s++)?")
"""'met delegations from the GNA and the LNA': the actors after it (their delegations meet)."""
_CLAUSE_END = re.compile(r"[,.;:]")
_OWN_VERB = re.compile(
    r"\b(?:said|says|told|warned|added|announced|has|had|have|was|is|were|are|will|would|"
    r"met|held|hosted|received|visited)\b"
)
"""A verb after the object of an elided meeting: its clause is no elided meeting."""
