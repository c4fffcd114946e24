"""Highlighting marks exactly what the reader searched for (a word or its start), however
the text before it folds (ß → ss, ligatures, Arabic, Cyrillic)."""

import pytest

from search.text import highlight


@pytest.mark.parametrize(
    ("text", "terms", "marked"),
    [
        ("Beratung in Münster", ["munster"], ["Münster"]),
        ("Die Straße zur Beratungsstelle", ["beratung"], ["Beratung"]),
        ("Maß, Fuß und Gruß: Strasse oder Straße", ["strasse"], ["Strasse", "Straße"]),
        ("Der ﬁnanzielle Zuschuss für Familien", ["familien"], ["Familien"]),
        ("İstanbul und Köln: Café Öztürk", ["ozturk"], ["Öztürk"]),
        ("مركز الاستشارة في مونستر", ["مونستر"], ["مونستر"]),
        ("Консультация для беженцев", ["беженц"], ["беженц"]),
    ],
)
def test_the_searched_words_are_marked(text, terms, marked):
    html = str(highlight(text, terms))

    found = [part.split("</mark>")[0] for part in html.split("<mark>")[1:]]
    assert found == marked
