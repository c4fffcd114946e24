"""Text handling for search: cleaning what readers type, folding umlauts and accents the
way the index does, and highlighting matches in an excerpt safely.

Everything a reader types goes through `query_terms()` before it reaches a search
backend: only letters and digits survive (in any script), so quotes, `&`, `%`, SQL or
HTML fragments can neither break the full-text query syntax nor end up in a page.
"""

import functools
import html
import re
import unicodedata

from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe

MAX_QUERY_LENGTH = 200  # characters of the raw query that are looked at
MAX_TERMS = 8
MAX_TERM_LENGTH = 60

# Letters and digits in any script, plus the combining marks that belong to a word
# (Arabic vowel signs, decomposed accents) so that they do not split it.
_WORD_RE = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670])+")

# German umlauts written as two letters: "Muenster" means "Münster". The index folds
# "ü" to "u", so the query term gets an extra variant with the umlaut restored.
_DIGRAPHS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))


def clean_query(raw):
    """The query as the reader typed it, bounded and with whitespace collapsed."""
    text = unicodedata.normalize("NFC", str(raw or ""))[:MAX_QUERY_LENGTH]
    return " ".join(text.split())


def query_terms(raw):
    """The words of a query: letters and digits only, lower-cased, de-duplicated."""
    terms = []
    for match in _WORD_RE.finditer(clean_query(raw)):
        term = match.group(0).lower()[:MAX_TERM_LENGTH]
        if term not in terms:
            terms.append(term)
    if any(len(term) > 1 for term in terms):
        # Single letters ("b" from "<b>", "s" from "Kurs' s") only add noise.
        terms = [term for term in terms if len(term) > 1]
    return terms[:MAX_TERMS]


def term_variants(term):
    """The spellings a term may have in the text: itself, with umlauts for ae/oe/ue, with ß."""
    variants = [term]
    umlauted = term
    for digraph, umlaut in _DIGRAPHS:
        umlauted = umlauted.replace(digraph, umlaut)
    if umlauted != term:
        variants.append(umlauted)
    if "ss" in term:
        variants.append(term.replace("ss", "ß"))
    return variants


def fold(text):
    """Lower-case, without accents or umlauts (ü → u, é → e, ß → ss), as the index sees it."""
    return _fold_with_positions(text)[0]


def _fold_with_positions(text):
    """Fold `text`; also return, for every folded character, its index in `text`."""
    if text.isascii():  # most texts: no accents, one folded character per character
        return text.lower(), range(len(text))
    folds = {char: _fold_char(char) for char in set(text)}
    if all(len(piece) == 1 for piece in folds.values()):  # ü → u, é → e: same positions
        return text.translate(str.maketrans(folds)), range(len(text))
    # ß → ss and the like: positions shift at these characters only.
    folded = text.translate(str.maketrans(folds))
    shifting = "".join(char for char, piece in folds.items() if len(piece) != 1)
    positions = []
    last = 0
    for match in re.finditer(f"[{re.escape(shifting)}]", text):
        index = match.start()
        positions.extend(range(last, index))
        positions.extend([index] * len(folds[text[index]]))
        last = index + 1
    positions.extend(range(last, len(text)))
    return folded, positions


@functools.lru_cache(maxsize=4096)
def _fold_char(char):
    if char.isascii():
        return char.lower()
    if char == "ß":
        return "ss"
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def plain_text(value):
    """Visible text of an HTML fragment (rich text), whitespace collapsed."""
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


def _match_spans(text, terms):
    """(start, end) spans in `text` where a word starts with one of the terms (folded)."""
    folded, positions = _fold_with_positions(text)
    needles = sorted(
        {fold(variant) for term in terms for variant in term_variants(term)} - {""},
        key=len,
        reverse=True,
    )
    if not needles:
        return []
    pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(n) for n in needles) + ")")
    spans = []
    for match in pattern.finditer(folded):
        start = positions[match.start()]
        end = positions[match.end() - 1] + 1
        if spans and start < spans[-1][1]:
            continue
        spans.append((start, end))
    return spans


def highlight(text, terms, length=240):
    """An excerpt of plain `text` around the first match, every match wrapped in <mark>.

    Every piece of `text` is escaped; only the <mark> elements are markup.
    """
    text = " ".join(str(text or "").split())
    spans = _match_spans(text, terms)
    start = 0
    if spans and spans[0][0] > length // 3:
        start = spans[0][0] - length // 3
        # Begin at a word boundary.
        space = text.rfind(" ", 0, start)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    parts = ["… " if start > 0 else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        parts.append(escape(text[cursor:span_start]))
        parts.append(format_html("<mark>{}</mark>", text[span_start:span_end]))
        cursor = span_end
    parts.append(escape(text[cursor:end]))
    if end < len(text):
        parts.append(" …")
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 (escaped above)
