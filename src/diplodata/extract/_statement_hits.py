"""The main pass of the statement extractor (:mod:`~diplodata.extract.statements`): speech verbs to hits.

One left-to-right pass over the speech verbs; for each, :func:`_one` finds the speaker,
the addressee, the quoted or paraphrased content, the act and the date, or gives up.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import itemgetter

from diplodata.extract._statement_content import _content_before, _strip_tail, _verb_act
from diplodata.extract._statement_continued import _continue_quotes
from diplodata.extract._statement_dates import _date_near, _pick_date, _scene_date
from diplodata.extract._statement_fast import _tail, _that
from diplodata.extract._statement_patterns import (
    _ATTRIBUTION,
    _BOUND_BEFORE,
    _CLAUSE_BEFORE_THAT,
    _COORDINATION,
    _EVENT_REPORT,
    _INVERTED_VERBS,
    _LEAD,
    _LEAD_IN,
    _MAX_CONTENT,
    _OBJECT_VERBS,
    _OFFICE_HOLDER,
    _PRONOUN_IT,
    _PUNCT_AFTER,
    _QUOTE_GAP,
    _REJECT_VERBS,
    _RELATIVE_BEFORE,
    _RELATIVE_OPEN,
    _RIGHT_APPOSITION,
    _SAY_VERBS,
    _SENTENCE_BREAK,
    _SINGLE_QUOTE,
    _SUPPORT_MATERIAL,
    _TAIL_VERB,
    _THAT_VERBS,
    _THE_GAP,
    _TOLD_OBJECT,
    _TOLL,
    _VERB,
    _WHO_CLAUSE,
    _WHO_START,
    _WHOSE_BEFORE,
)
from diplodata.extract._statement_quotes import _quote_at, _quote_pieces
from diplodata.extract._statement_scan import _Hit, _masked, _Scan, _sentence_index, _unmask_length
from diplodata.extract._statement_speakers import (
    _addressee_in,
    _country_speaker,
    _left_speaker,
    _right_speaker,
    _sentence_subject,
    _surname_speaker,
)
from diplodata.models import Act, Actor, ActorKind

_END = itemgetter(1)

# ------------------------------------------------------------------- main pass


def _find(scan: _Scan, verbs: list[tuple[int, int, str]]) -> list[_Hit]:
    """The hits of the speech ``verbs`` (:func:`._statement_patterns._speech_verbs`), in order."""
    norm = scan.norm
    sentences = scan.g.sentences
    hits: list[_Hit] = []
    used_quotes: set[int] = set()
    blocked: list[tuple[int, int]] = []  # content spans: verbs inside them are not new statements
    for vs, ve, verb in verbs:
        if _quote_at(scan, vs) is not None:
            continue
        if blocked and blocked[-1][0] <= vs < blocked[-1][1]:
            continue
        after = norm[ve : ve + 4]
        if after.startswith(" by "):
            continue  # passive: "backed by Turkey"
        si = _sentence_index(scan, vs)
        if not sentences:
            break
        sent = sentences[si]
        if not sent[0] <= vs < sent[1]:
            continue
        before = norm[max(sent[0], vs - 40) : vs]
        hit = _one(scan, (vs, ve, verb), sent, si, before, hits, used_quotes)
        if hit is None:
            continue
        hits.append(hit)
        used_quotes |= hit.quote_ids
        if hit.content_spans:
            blocked.append((ve, max(hit.covers, *map(_END, hit.content_spans))))
    _continue_quotes(scan, hits, used_quotes)
    return hits


def _one(
    scan: _Scan,
    verb_at: tuple[int, int, str],
    sent: tuple[int, int],
    si: int,
    before: str,
    hits: list[_Hit],
    used_quotes: set[int],
) -> _Hit | None:
    norm = scan.norm
    vs, ve, verb = verb_at  # (start, end, verb) of a speech verb
    speaker: Actor | None = None
    speaker_span: tuple[int, int] | None = None
    apposition: str | None = None
    confidence = 0.85
    ahead = before.rstrip()
    # '"...," said X' after a quotation; after a plain comma ("..., said X") only a verb of
    # saying comes before its speaker ("X, the head of Y, accused France": X speaks), and
    # only when no speaker governs it from the left ("X, speaking in Ankara, said Turkey ...")
    after_quote = ahead.endswith(('"', '",'))
    right = after_quote or (ahead.endswith(",") and verb in _INVERTED_VERBS)
    read_left = right and not after_quote
    left = _left_speaker(scan, vs, sent[0]) if read_left else None
    if right and left is None:
        found = _right_speaker(scan, ve, sent[1])
        if found:
            speaker, speaker_span = found
    if speaker is None:
        if not read_left:
            left = _left_speaker(scan, vs, sent[0])
        if left:
            speaker, speaker_span, apposition, mention = left
            right = False
            pronoun = mention.text.lower() in ("he", "she")
            if pronoun and _WHOSE_BEFORE.search(norm, max(0, mention.start - 40), mention.start):
                # "Macron, whose government he has accused": not the owner of "whose"
                subject = _sentence_subject(scan, sent)
                if subject and not subject[0].same_as(speaker):
                    speaker, speaker_span = subject
                    confidence = 0.7
            elif pronoun and hits:
                prev = hits[-1]
                if (
                    si - prev.sentence <= 1
                    and prev.speaker.kind is ActorKind.PERSON
                    and not prev.speaker.same_as(speaker)
                ):
                    speaker = prev.speaker
                    confidence = 0.7
        else:
            right = False
    if speaker is None:
        found_surname = _surname_speaker(scan, vs, before)
        if found_surname:
            speaker, speaker_span = found_surname
            confidence = 0.75
    if speaker is None and _COORDINATION.search(before):
        same = [h for h in hits[-3:] if h.sentence == si]
        if same:
            speaker, speaker_span = same[-1].speaker, None
        else:
            subject = _sentence_subject(scan, sent)
            if subject:
                speaker, speaker_span = subject
        confidence = 0.75
    if speaker is None and _PRONOUN_IT.search(before) and hits:
        prev = hits[-1]
        if si - prev.sentence <= 1 and prev.speaker.kind is not ActorKind.PERSON:
            speaker, speaker_span = prev.speaker, None
            confidence = 0.7
    if speaker is None:
        found_country = _country_speaker(scan, vs, sent[0])
        if found_country:
            speaker, speaker_span = found_country
            confidence = 0.7
    if speaker is None:
        return None

    # Where the words after the verb (and a right-hand speaker) begin.
    pos = speaker_span[1] if right and speaker_span else ve
    if right and speaker_span:
        app_right = _RIGHT_APPOSITION.match(norm, pos, sent[1])
        if app_right:
            pos = app_right.end()
    addressee: Actor | None = None
    attribution: str | None = None
    if verb in _OBJECT_VERBS:
        i = bisect_left(scan.mention_starts, ve)
        if i < len(scan.actors):
            m = scan.actors[i]
            if m.start < sent[1] and _THE_GAP.fullmatch(norm[ve : m.start]):
                if not m.actor.same_as(speaker):
                    addressee = m.actor
                pos = m.end
        if addressee is None and verb in ("told", "tells"):
            masked = _masked(scan, ve, min(sent[1], ve + 120))
            obj = _TOLD_OBJECT.match(masked)
            if obj and not obj.group("obj").startswith("that"):
                attribution = f"told {obj.group('obj')}"
                pos = ve + obj.end("obj")

    # 1. a quotation before the verb: '"...," X said'
    quote_ids: set[int] = set()
    covers = 0
    pieces: list[tuple[int, int]] = []
    if scan.quotes:  # (most articles quote no one)
        head = speaker_span[0] if speaker_span and not right and speaker_span[1] <= vs else vs
        qi = bisect_right(scan.quote_opens, head) - 1
        if qi >= 0 and qi not in used_quotes:
            q = scan.quotes[qi]
            if q[1] < head and _QUOTE_GAP.fullmatch(norm, q[1] + 1, head):  # no anchors: as a slice
                quote_ids.add(qi)
                pieces.append(_quote_pieces(norm, q))
        # 2. a quotation after the verb: 'X said: "..."' or the rest of an interrupted one
        nq = bisect_right(scan.quote_opens, pos - 1)
        if nq < len(scan.quotes) and nq not in used_quotes and scan.quotes[nq][0] - pos <= 100:
            q = scan.quotes[nq]
            gap = norm[pos : q[0]]
            # ... unless another speech verb takes it: 'backed the truce and said: "..."'
            if "\n" not in gap and not _SENTENCE_BREAK.search(gap) and not _VERB.search(gap):
                lead = _LEAD.fullmatch(gap)
                punct = lead.group("p") if lead else None
                body = lead.group("body").strip() if lead else "-"
                if lead and pieces and punct == ",":
                    quote_ids.add(nq)  # the rest of an interrupted quotation
                    pieces.append(_quote_pieces(norm, q))
                elif lead and not pieces and (punct is not None or not body):
                    quote_ids.add(nq)
                    pieces.append(_quote_pieces(norm, q))
                if lead:
                    att = _ATTRIBUTION.match(gap)
                    if att and attribution is None:
                        attribution = att.group("att")
        pieces = [p for p in pieces if p[1] > p[0]]
    direct = bool(pieces)
    content_spans: list[tuple[int, int]]
    act_text: str
    if direct:
        content = " ... ".join([norm[a:b] for a, b in pieces])
        content_spans = pieces
        act_text = content
        end_of_words = max(pos, max(b for _, b in pieces) + 1)
        tail_att = _ATTRIBUTION.match(norm, end_of_words, sent[1])
        if tail_att and attribution is None:
            attribution = tail_att.group("att")
        verb_window = norm[ve : min(sent[1], ve + 120)]
        tail_att = _ATTRIBUTION.search(verb_window)
        if tail_att and attribution is None and _quote_at(scan, ve + tail_att.start()) is None:
            attribution = tail_att.group("att")
    else:
        # 3. paraphrase: the clause after the verb
        start = pos
        rest_end = min(sent[1], start + _MAX_CONTENT)
        that = _that(norm, start, rest_end) if verb in _THAT_VERBS else None
        that_word = norm.rfind("that", start, that.end()) if that else -1
        if (
            that
            and '"' not in norm[start:that_word]
            and not _CLAUSE_BEFORE_THAT.search(norm, start, that_word)
        ):
            channel = _ATTRIBUTION.search(norm, start, that_word)
            if channel and attribution is None:
                attribution = channel.group("att")
            start = that.end()
        elif verb in _SAY_VERBS:
            for _ in range(3):  # "said in a statement on Sunday ...": adverbs, dates, channel
                lead_in = _LEAD_IN.match(_masked(scan, start, rest_end))
                if lead_in and lead_in.group():
                    start += _unmask_length(scan, start, lead_in.group())
                lead_att = _ATTRIBUTION.match(norm, start, rest_end)
                if lead_att is None:
                    break
                attribution = attribution or lead_att.group("att")
                start = lead_att.end()
            if norm.startswith(",", start):
                # "..., the WHO said, giving figures as of May 19": what was said is before
                start = rest_end
        else:
            start = vs
        tail = _tail(norm, max(sent[0], sent[1] - 160), sent[1])  # _TAIL.search
        if tail and tail.start() >= start and tail.start() > ve:
            # "..., her office said": the tail names the speaker, or only the channel
            rest_end = min(rest_end, tail.start())
            attribution = attribution or tail.group("tail").rstrip(".!? ")
            covers = tail.end()
            tail_verb = _TAIL_VERB.search(norm, tail.start(), tail.end())
            teller = _left_speaker(scan, tail_verb.start() + 1, tail.start()) if tail_verb else None
            if teller and not teller[0].same_as(speaker):
                speaker, speaker_span = teller[0], teller[1]
        if start == vs and _PUNCT_AFTER.match(norm[ve : ve + 3]):
            return None  # "the deal, which X praised, ...": the object is elsewhere
        if (
            speaker_span is not None
            and norm.find("wh", speaker_span[1], vs) >= 0  # "who" or "which": the pattern needs one
            and _WHO_CLAUSE.search(norm[speaker_span[1] : vs])
        ):
            # "Macron, who praised the agreement, left": the clause ends at its comma
            comma = norm.find(",", start, rest_end)
            rest_end = comma if comma > start else rest_end
        start, end, tail_text = _strip_tail(scan, start, rest_end, strip_dates=that is None)
        if tail_text and attribution is None:
            attribution = tail_text
        if end <= start or start >= sent[1]:
            # 4. the words before: "Content, X said."
            made = _content_before(scan, sent, speaker_span, vs, right)
            if made is None:
                return None
            start, end = made
            if _TOLL.search(norm[start:end]) or _EVENT_REPORT.search(norm[start:end]):
                return None
        content_spans = [(start, end)]
        inner: list[int] = []  # quotations inside the clause
        if scan.quotes:
            first_inner = bisect_left(scan.quote_opens, start)
            inner = [
                i
                for i in range(first_inner, min(len(scan.quotes), first_inner + 4))
                if scan.quotes[i][0] < end
            ]
        if inner:
            quoted = [
                _quote_pieces(norm, scan.quotes[i]) for i in inner if scan.quotes[i][1] <= end + 1
            ]
            quoted = [p for p in quoted if p[1] > p[0]]
            if quoted:
                act_text = norm[start:end]
                content_spans = quoted
                quote_ids = set(inner)
                direct = True
        if not direct:
            has_mark = norm.find("'", start, end) >= 0  # the pattern needs one
            single = _SINGLE_QUOTE.search(norm, start, end) if has_mark else None
            if single and verb not in ("named",):
                act_text = norm[start:end]
                content_spans = [single.span("q")]
                direct = True
        if direct:
            content = " ... ".join([norm[a:b] for a, b in content_spans])
        else:
            act_text = content = norm[start:end]
    if not content.strip():
        return None
    first_count = bisect_left(scan.count_starts, content_spans[0][0])
    if (
        first_count < len(scan.count_starts)
        and scan.count_starts[first_count] < content_spans[-1][1]
        and _TOLL.search(act_text)
    ):
        return None  # a toll report is a casualty figure, not a statement
    if verb in _SUPPORT_MATERIAL:
        i = bisect_left(scan.mention_starts, ve)
        if i < len(scan.actors) and _THE_GAP.fullmatch(norm[ve : scan.actors[i].start]):
            return None  # "has backed Haftar": material support, not a statement
    if verb in ("dismissed", "dismisses"):
        i = bisect_left(scan.mention_starts, ve)
        person = (
            i < len(scan.actors)
            and scan.actors[i].actor.kind is ActorKind.PERSON
            and _THE_GAP.fullmatch(norm[ve : scan.actors[i].start]) is not None
        )
        if person or _OFFICE_HOLDER.match(norm, ve, min(sent[1], ve + 60)):
            return None  # "dismissed the army chief": removed from office, not a rejection
    if verb in ("backed", "supported", "named", "ordered", "claims", "orders") and not (
        speaker_span or _COORDINATION.search(before)
    ):
        return None
    # the words after the verb: only "rejected" reads them ("rejected the claims")
    object_text = norm[ve : min(sent[1], ve + 60)].strip() if verb in _REJECT_VERBS else ""
    act = _verb_act(verb, act_text, object_text)
    if addressee is None and act in (Act.APPEAL, Act.DEMAND, Act.WARNING):
        addressee = _addressee_in(scan, content_spans, speaker)
    date = None
    if _date_near(scan, sent, (vs, ve)):  # else no date to pick: nothing to exclude
        exclude = list(content_spans) if verb in _THAT_VERBS or direct else []
        if not direct and verb not in _THAT_VERBS:
            # a date inside a verb-led clause counts unless it is the clause's own ("from June 8")
            i = bisect_left(scan.date_starts, content_spans[0][0])
            while i < len(scan.dates) and scan.dates[i].start < content_spans[-1][1]:
                d = scan.dates[i]
                i += 1
                if _BOUND_BEFORE.search(norm[max(0, d.start - 8) : d.start]):
                    exclude.append((d.start, d.end))
        if apposition is not None and speaker_span is not None:
            app_start = norm.find(apposition, speaker_span[1], vs)
            if app_start >= 0 and _WHO_START.match(apposition):
                exclude.append((app_start, app_start + len(apposition)))
        if speaker_span is not None and _RELATIVE_BEFORE.search(
            norm, max(sent[0], speaker_span[0] - 12), speaker_span[0]
        ):
            exclude.append((sent[0], speaker_span[0]))  # "an attack that X said": not X's date
        if norm.find("wh", max(sent[0], vs - 80), vs) >= 0:  # the pattern needs "who"/"which"
            clause = _RELATIVE_OPEN.search(norm, max(sent[0], vs - 80), vs)
            if clause is not None:
                # "travels to Paris on Wednesday to meet X, whose government he has accused":
                # the verb is in the relative clause; the dates before it are the main clause's
                exclude.append((sent[0], clause.start()))
        date = _pick_date(scan, sent, (vs, ve), exclude)
    if date is None and direct and si > 0 and norm.startswith('"', sent[0]):
        date = _scene_date(scan, si, speaker)
    return _Hit(
        verb=(vs, ve),
        verb_text=verb,
        act=act,
        speaker=speaker,
        speaker_span=speaker_span,
        sentence=si,
        content=content,
        content_spans=content_spans,
        direct=direct,
        addressee=addressee,
        attribution=attribution,
        date=date,
        confidence=confidence if speaker_span else min(confidence, 0.75),
        quote_ids=quote_ids,
        covers=covers,
    )
