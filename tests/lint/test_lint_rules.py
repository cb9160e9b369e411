"""Every lint rule: a bank that triggers it, and one that does not."""
from __future__ import annotations

import pytest

from lint_support import lint, write_bank

SOURCE = ("Seoul is the capital of South Korea. It has about ten million people.\n\n"
          "Hangul was promulgated by King Sejong in 1446.\n\n" + "Filler text about other things. " * 40
          + "\n\nThe Demilitarized Zone separates the two Koreas.\n")

CASES = {
    "QZ101": ("""
        - id: q
          type: multiple_choice
          prompt: Why did the concert matter?
          choices: [It was loud, It was long, It marked the first time a North Korean leader attended a southern show]
          answer: It marked the first time a North Korean leader attended a southern show
        """, """
        - id: q
          type: multiple_choice
          prompt: Why did the concert matter?
          choices: [It drew the leader, It drew the army, It drew the press]
          answer: It drew the leader
        """),
    "QZ102": ("""
        - id: q
          type: short_answer
          prompt: Which boy band, Sechskies, performed in 1999?
          answer: Sechskies
        """, """
        - id: q
          type: short_answer
          prompt: Which boy band performed in 1999?
          answer: Sechskies
        """),
    "QZ103": ("""
        - id: q
          type: multiple_choice
          prompt: Which city is the capital of South Korea?
          choices: [Seoul, Busan, Incheon, None of the above]
          answer: Seoul
        """, """
        - id: q
          type: multiple_choice
          prompt: Which city is the capital of South Korea?
          choices: [Seoul, Busan, Incheon, Daegu]
          answer: Seoul
        """),
    "QZ104": ("""
        - id: q
          type: multiple_choice
          prompt: Which city is the capital of South Korea?
          choices: [Seoul, Busan, "1999", Incheon]
          answer: Seoul
        """, """
        - id: q
          type: multiple_choice
          prompt: Which city is the capital of South Korea?
          choices: [Seoul, Busan, Daegu, Incheon]
          answer: Seoul
        """),
    "QZ105": ("""
        - id: q
          type: short_answer
          prompt: Which city is the capital of South Korea?
          answer: Seoul
        """, """
        - id: q
          type: short_answer
          prompt: Which city is the capital of South Korea?
          answer: Seoul
          fuzzy: false
        """),
    "QZ106": ("""
        - id: q
          type: short_answer
          prompt: How does the article describe the country's web access?
          answer: limited internet service
        """, """
        - id: q
          type: short_answer
          prompt: How does the article describe the country's web access?
          answer: limited internet service
          accept: [limited internet, restricted internet, little internet]
        """),
    "QZ107": ("""
        - id: q
          type: true_false
          prompt: Hangul was not promulgated by King Sejong in 1446.
          answer: false
          quote: Hangul was promulgated by King Sejong in 1446.
        """, """
        - id: q
          type: true_false
          prompt: The Korean alphabet dates from the fifteenth century.
          answer: true
          quote: Hangul was promulgated by King Sejong in 1446.
        """),
    "QZ109": ("""
        - id: q
          type: true_false
          prompt: The capital lies north of the border zone.
          answer: true
          quote: Seoul is the capital of South Korea. ... The Demilitarized Zone separates the two Koreas.
        """, """
        - id: q
          type: true_false
          prompt: The capital is a large city.
          answer: true
          quote: Seoul is the capital of South Korea. ... about ten million people.
        """),
    "QZ110": ("""
        - id: q
          type: short_answer
          prompt: Which king promulgated Hangul?
          answer: Sejong
          quote: >-
            Seoul is the capital of South Korea. It has about ten million people.
            Hangul was promulgated by King Sejong in 1446.
        """, """
        - id: q
          type: short_answer
          prompt: Which king promulgated Hangul?
          answer: Sejong
          quote: Hangul was promulgated by King Sejong in 1446.
        """),
    "QZ111": ("""
        - id: q
          type: numeric
          prompt: In which year was the alphabet promulgated?
          answer: 1446
          quote: Hangul was promulgated by King Sejong in 1446.
          explanation: King Sejong promulgated Hangul in 1446.
        """, """
        - id: q
          type: numeric
          prompt: In which year was the alphabet promulgated?
          answer: 1446
          quote: Hangul was promulgated by King Sejong in 1446.
          explanation: Before then Koreans wrote with Chinese characters, which few commoners could read.
        """),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_triggers_and_stays_quiet(tmp_path, code):
    (tmp_path / "text.txt").write_text(SOURCE, encoding="utf-8")
    bad, good = CASES[code]
    (tmp_path / "bad").mkdir()
    (tmp_path / "good").mkdir()
    found = lint(write_bank(tmp_path / "bad", bad), sources=tmp_path, codes={code})
    assert [f.code for f in found] == [code], found
    assert found[0].line >= 9  # located inside the question, below the bank's header
    assert lint(write_bank(tmp_path / "good", good), sources=tmp_path, codes={code}) == []


def test_near_duplicates_across_banks_name_the_other_question(tmp_path):
    question = """
        - id: {qid}
          type: short_answer
          prompt: Which king promulgated the Korean alphabet{tail}
          answer: Sejong
        """
    first = write_bank(tmp_path, question.format(qid="king", tail="?"), bank_id="first")
    second = write_bank(tmp_path, question.format(qid="alphabet-king", tail=", Hangul?"), bank_id="second")
    found = lint(first, second, codes={"QZ108"})
    assert len(found) == 1
    assert found[0].file.endswith("second.yaml") and "'king' at " in found[0].message
    assert f"{first}:10:5" in found[0].message
    other = write_bank(tmp_path, question.format(qid="king", tail="?").replace(
        "Which king promulgated the Korean alphabet?", "In which city is the national assembly?"), bank_id="third")
    assert lint(first, other, codes={"QZ108"}) == []


def test_source_metadata_missing_publisher_and_date(tmp_path):
    head = "id: {bank_id}\ntitle: T\nsource:\n  file: text.txt\nquestions:\n"
    q = "- id: q\n  type: true_false\n  prompt: Seoul is in the south.\n  answer: true\n"
    found = lint(write_bank(tmp_path, q, head=head), codes={"QZ112"})
    assert [(f.code, f.line) for f in found] == [("QZ112", 4)]
    assert "title, publisher, date" in found[0].message
    assert lint(write_bank(tmp_path, q, bank_id="complete"), codes={"QZ112"}) == []


def test_typo_rule_uses_other_answers_of_the_library(tmp_path):
    """'dessert', another question's answer, passes the real checker as a typo (a doubled letter) of 'desert'."""
    bank = write_bank(tmp_path, """
        - id: sand
          type: short_answer
          prompt: What covers most of Mongolia's south?
          answer: desert
        - id: meal
          type: short_answer
          prompt: What comes at the end of a meal?
          answer: dessert
          fuzzy: false
        """)
    found = lint(bank, codes={"QZ105"})
    assert len(found) == 1 and "'dessert' would be accepted as a typo of 'desert'" in found[0].message
    assert found[0].line == 13  # the answer of 'sand'; 'meal' forgives no typo


def test_true_false_framing_does_not_hide_a_restatement(tmp_path):
    bank = write_bank(tmp_path, """
        - id: framed
          type: true_false
          prompt: "True or false: the article says that Hangul was promulgated by King Sejong in 1446."
          answer: true
          quote: Hangul was promulgated by King Sejong in 1446.
        - id: paraphrased
          type: true_false
          prompt: "True or false: the article says that a king gave Koreans their own alphabet."
          answer: true
          quote: Hangul was promulgated by King Sejong in 1446.
        """)
    found = lint(bank, codes={"QZ107"})
    assert [(f.code, f.line) for f in found] == [("QZ107", 12)]


def test_cue_words_absolutes_and_articles(tmp_path):
    bank = write_bank(tmp_path, """
        - id: absolute
          type: multiple_choice
          prompt: How did the police find hidden discs?
          choices: [By cutting the power and checking players, By always searching every house, By asking neighbours]
          answer: By cutting the power and checking players
        - id: article
          type: multiple_choice
          prompt: The smuggled drives were hidden inside an
          choices: [umbrella, box, bag, shoe]
          answer: umbrella
        - id: frequency
          type: multiple_choice
          prompt: How often did he watch foreign films?
          choices: [Once or twice a month, Every day, Once a week]
          answer: Once or twice a month
        """)
    found = lint(bank, codes={"QZ103"})
    assert [(f.line, f.message.split(":")[0]) for f in found] == [
        (13, "the distractor says 'always' and the answer has no such absolute"),
        (17, "the prompt's 'an' fits only the answer"),
    ]
