"""How the cards look in Anki, checked without a GUI on the HTML and CSS the real anki backend renders
(each test pins one defect seen in the Anki desktop: letters on ordering/matching backs, the night-mode
background, the typed-answer font, the typed-answer comparison box, the cloze divider, Anki's stricter check)."""
from __future__ import annotations

import re

import pytest
from export_support import import_package

pytestmark = pytest.mark.slow  # drives a real Anki collection

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def css_rules(css: str) -> list[tuple[list[str], dict[str, str]]]:
    """(selectors, declarations) of each rule; comments dropped."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    out = []
    for selectors, body in _RULE.findall(css):
        decls = dict((k.strip(), v.strip()) for k, v in (d.split(":", 1) for d in body.split(";") if ":" in d))
        out.append(([s.strip() for s in selectors.split(",")], decls))
    return out


def declarations_for(css: str, selector: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for selectors, decls in css_rules(css):
        if selector in selectors:
            merged.update(decls)
    return merged


@pytest.fixture
def col(special_bank, export_anki, anki_collection, tmp_path):
    out = tmp_path / "special.apkg"
    assert export_anki(special_bank, "-o", out).exit_code == 0
    import_package(anki_collection, out)
    return anki_collection


def card_of(col, qid: str, ord: int = 0):
    (nid,) = col.find_notes(f'"ID:special-chars/{qid}"')
    return next(c for c in col.get_note(nid).cards() if c.ord == ord)


def shown_items(html: str, css_class: str) -> list[str]:
    block = re.search(rf'<ol class="{css_class}"[^>]*>(.*?)</ol>', html, re.S).group(1)
    return re.findall(r"<li[^>]*>(.*?)</li>", block, re.S)


def test_ordering_back_shows_the_letters_the_learner_said(col):
    card = card_of(col, "steps")
    front, back = card.question(), card.answer()
    letter_of = {item: chr(65 + i) for i, item in enumerate(shown_items(front, "items"))}
    order = re.findall(r'<ol class="order"><li class="(\w)">(.*?)</li><li class="(\w)">(.*?)</li>'
                       r'<li class="(\w)">(.*?)</li></ol>', back)[0]
    pairs = list(zip(order[::2], order[1::2]))
    assert [letter for letter, _ in pairs] == [letter_of[item] for _, item in pairs]
    assert f"Answer: {' '.join(letter for letter, _ in pairs)}" in back
    assert [item for _, item in pairs][0] == "first &lt;1&gt;"  # the right order, items as written
    rule = declarations_for(card.note_type()["css"], "ol.order li::before")
    assert rule["content"] == "attr(class)"  # the letter is drawn before each item


def test_matching_back_shows_number_and_letter_pairs(col):
    card = card_of(col, "pairs")
    front, back = card.question(), card.answer()
    right = shown_items(front, "right")
    expected = {"&quot;quoted&quot;": None, "&amp;right": None}
    for shown, text in enumerate(right):
        expected[text] = chr(65 + shown)
    # The pairs in bank order: "<left>" -> "&right", plain -> '"quoted"'.
    assert f"Answer: 1{expected['&amp;right']} 2{expected['&quot;quoted&quot;']}" in back
    css = card.note_type()["css"]
    assert declarations_for(css, "table.pairs td:first-child::before")["content"] == 'counter(pair) ". "'


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_night_mode_background_outranks_ankis_and_the_quote_panel_stands_out(col):
    css = card_of(col, "html-prompt").note_type()["css"]
    night = declarations_for(css, ".nightMode.card")
    # Anki desktop's `body.nightMode` is one class and one element (0,1,1); two classes (0,2,0) win.
    assert night["background-color"] == "var(--bg)"
    bg, panel = _luminance(night["--bg"]), _luminance(night["--panel"])
    assert (panel + 0.05) / (bg + 0.05) >= 1.3  # the panel is visibly lighter than the card


def test_typed_answer_fonts_outrank_ankis_inline_field_font(col):
    card = card_of(col, "typed")
    field_fonts = {f["font"] for f in card.note_type()["flds"]}
    assert "Liberation Sans" in field_fonts  # what Anki writes inline on the box and the comparison
    css = card.note_type()["css"]
    for selector in ("input#typeans", "code#typeans"):
        rule = declarations_for(css, selector)
        assert re.fullmatch(r"var\(--(sans|mono)\) !important", rule["font-family"]), selector
    assert "sans-serif" in declarations_for(css, ".card")["--sans"]


def test_the_typed_comparison_is_one_box_not_a_box_per_line(col):
    card = card_of(col, "typed")
    compared = col.compare_answer("a<b", "a>b")
    assert re.match(r'<code id="?typeans"?>', compared) and "<br>" in compared  # Anki's own comparison markup
    css = card.note_type()["css"]
    rules_hitting_code = [(s, d) for selectors, d in css_rules(css) for s in selectors
                          if s in ("#typeans", "code#typeans", "code")]
    assert all(s != "#typeans" for s, _ in rules_hitting_code)  # the input's box rule no longer reaches it
    comparison = declarations_for(css, "code#typeans")
    assert comparison["display"] == "block" and "border" in comparison  # one block, one border around all lines
    assert "width" not in comparison


def test_cloze_back_has_a_divider_before_the_explanation(col):
    back = card_of(col, "three-blanks", 1).answer()
    assert '<hr id="answer">' in back
    assert back.index('<hr id="answer">') < back.index('class="qid"')


def test_typed_back_says_ankis_check_is_stricter(col):
    back = card_of(col, "typed").answer()
    assert "Anki compares letter by letter, so it is stricter than quizapp" in back
    assert "differs only in capital letters" in back and "a number in the range shown" in back
    assert "Anki compares letter by letter" not in card_of(col, "typed").question()
