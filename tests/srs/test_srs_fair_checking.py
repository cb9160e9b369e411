"""Typed answers graded as a teacher would: a table of (keyed answer, options, given, verdict), by rule.

Verdicts: "right" (as keyed, or a form that is no mistake), "typo" (right, accepted with a typo), "wrong",
"unreadable" (a numeric answer that is not a number: the learner is told to enter one).
"""
from __future__ import annotations

import pytest
from hypothesis import assume, given, settings as hsettings, strategies as st

from quizapp.bank.models import Bank
from quizapp.srs import check_answer

# Forms that are not mistakes: case, spacing, punctuation, hyphens, accents, a leading article.
FORMS = [
    ("Kim Jong Il", {}, "Kim Jong Il", "right"),
    ("Kim Jong Il", {}, "kim jong il", "right"),
    ("Kim Jong Il", {}, "KIM JONG IL", "right"),
    ("Kim Jong Il", {}, "Kim Jong-il", "right"),
    ("Kim Jong Il", {}, "Kim Jong-Il", "right"),
    ("Kim Jong Il", {}, "Kim Jongil", "right"),
    ("Kim Jong Il", {}, "kim  jong   il", "right"),
    ("Kim Jong Il", {}, " Kim Jong Il. ", "right"),
    ("Kim Jong Il", {}, "Kim Jong Il!", "right"),
    ("North Hamgyong", {}, "North Hamgyong Province".replace(" Province", ""), "right"),
    ("North Hamgyong", {}, "north-hamgyong", "right"),
    ("North Hamgyong", {}, "NorthHamgyong", "right"),
    ("Sejong the Great", {}, "sejong, the great", "right"),
    ("Sejong the Great", {}, "Sejong (the Great)", "right"),
    ("USB sticks", {}, "USB-sticks", "right"),
    ("USB sticks", {}, "usb sticks", "right"),
    ("The Beatles", {}, "Beatles", "right"),
    ("The Beatles", {}, "the beatles", "right"),
    ("Winter Sonata", {}, "'Winter Sonata'", "right"),
    ("Winter Sonata", {}, '"Winter Sonata"', "right"),
    ("Winter Sonata", {}, "“Winter Sonata”", "right"),
    ("Fin.K.L.", {}, "Fin.K.L", "right"),
    ("Fin.K.L.", {}, "FinKL", "right"),
    ("Fin.K.L.", {}, "fin k l", "right"),
    ("Red Velvet", {}, "Red velvet", "right"),
    ("South Korea", {}, "south korea", "right"),
    ("Jang Song-thaek", {}, "Jang Song Thaek", "right"),
    ("Jang Song-thaek", {}, "Jang Songthaek", "right"),
    ("don't know", {}, "dont know", "right"),
    ("O'Brien", {}, "OBrien", "right"),
    ("O'Brien", {}, "O’Brien", "right"),
    ("rock'n'roll", {}, "rocknroll", "right"),
    ("K-pop", {}, "kpop", "right"),
    ("K-pop", {}, "K pop", "right"),
    ("Sejong the Great", {"accept": ["King Sejong"]}, "king sejong", "right"),
    ("?!", {}, "?!", "right"),
    ("?!", {}, "!", "wrong"),
    ("C++", {}, "c++", "right"),
]

# Slips inside a word: forgiven, and said so.
SLIPS = [
    ("Sejong the Great", {}, "Sejong the Graet", "typo"),  # swapped letters
    ("Sejong the Great", {}, "Sejong teh Great", "typo"),  # swap in a three-letter word
    ("Sejong the Great", {}, "Sejong the Grat", "typo"),  # dropped letter
    ("Sejong the Great", {}, "Sejong teh Grat", "typo"),
    ("Sejong the Great", {}, "Sejjong the Great", "typo"),  # doubled letter
    ("Sejong the Great", {}, "Sejong the Greeat", "typo"),
    ("Pyongyang", {}, "Pyonyang", "typo"),
    ("Pyongyang", {}, "Pyongyeng", "typo"),  # one wrong letter inside a long word
    ("Pyongyang", {}, "Pyonygang", "typo"),
    ("Pyongyang", {}, "Pyongyangg", "typo"),
    ("Pyongyang", {}, "Pyyongyang", "typo"),
    ("North Hamgyong", {}, "North Hamgyung", "typo"),
    ("North Hamgyong", {}, "Nrth Hamgyong", "typo"),
    ("North Hamgyong", {}, "Noth Hamgyong", "typo"),
    ("notel", {}, "notle", "typo"),
    ("notel", {}, "nottel", "typo"),
    ("smuggling", {}, "smugling", "typo"),
    ("smuggling", {}, "smuggeling".replace("eling", "ling"), "right"),
    ("smuggling", {}, "smugglign", "typo"),
    ("propaganda", {}, "propoganda", "typo"),
    ("propaganda", {}, "porpaganda", "typo"),
    ("broadcasts", {}, "braodcasts", "typo"),
    ("Chongjin", {}, "Chonjin", "typo"),
    ("Chongjin", {}, "Chongjn", "typo"),
    ("Chongjin", {}, "Chongjjin", "typo"),
    ("Hyesan", {}, "Hyesna", "typo"),
    ("Hyesan", {}, "Hyessan", "typo"),
    ("Hyesan", {}, "Hysan", "typo"),
    ("USB sticks", {}, "usb stiks", "typo"),
    ("USB sticks", {}, "USB sitcks", "typo"),
    ("June 1999", {}, "Jnue 1999", "typo"),
    ("Winter Sonata", {}, "Winter Sonnata", "typo"),
    ("Winter Sonata", {}, "Wniter Sonata", "typo"),
    ("Descendants of the Sun", {}, "Descendents of the Sun", "typo"),
    ("Descendants of the Sun", {}, "Decendants of the Sun", "typo"),
    ("Crash Landing on You", {}, "Crash Landign on You", "typo"),
    ("jamming", {}, "jaming", "typo"),
    ("Kim Jong Il", {}, "Kim Jnog Il", "typo"),
    ("Kim Jong Il", {}, "Kim Jongg Il", "typo"),
    ("Kim Jong Il", {}, "Kimm Jong Il", "typo"),
    ("the Korean Wave", {}, "the Korean Wvae", "typo"),
    ("the Korean Wave", {}, "Koraen Wave", "typo"),
    ("psychological warfare", {}, "psycological warfare", "typo"),
    ("psychological warfare", {}, "psychological warefare", "wrong"),  # an extra letter, not a double
    ("propaganda", {}, "propagnda", "typo"),
]

# Not slips: a different word, name, number or negation, whatever the edit distance.
NOT_SLIPS = [
    ("Kim Jong Il", {}, "Kim Jong Un", "wrong"),  # the son: a changed two-letter word
    ("Kim Jong Il", {}, "Kim Jong-un", "wrong"),
    ("Kim Jong Il", {}, "Kim Il Sung", "wrong"),
    ("Kim Jong Il", {}, "Kim Jong", "wrong"),
    ("Kim Jong Il", {}, "Kim Jung Il", "wrong"),  # a changed letter in a short word
    ("Kim Jong Il", {}, "Kim Jong Ill", "wrong"),
    ("Kim Jong Il", {}, "Kim Jong I", "wrong"),
    ("North Hamgyong", {}, "South Hamgyong", "wrong"),  # another province
    ("North Hamgyong", {}, "North Hwanghae", "wrong"),
    ("North Hamgyong", {}, "Hamgyong", "wrong"),
    ("Pyongyang", {}, "Pyongsong", "wrong"),  # another city: two wrong letters are not one slip
    ("conversation", {}, "conservation", "wrong"),
    ("notel", {}, "hotel", "wrong"),  # a changed first letter is another word
    ("notel", {}, "motel", "wrong"),
    ("notel", {}, "novel", "wrong"),  # a wrong letter inside a short word
    ("notel", {}, "note", "wrong"),  # a dropped last letter
    ("notel", {}, "notes", "wrong"),
    ("notel", {}, "otel", "wrong"),
    ("Seoul", {}, "Soul", "typo"),  # a dropped inner letter of a 5-letter word is still a slip
    ("Seoul", {}, "Busan", "wrong"),
    ("Seoul", {}, "Seo", "wrong"),
    ("DVDs", {}, "CDs", "wrong"),
    ("CDs", {}, "DVDs", "wrong"),
    ("VHS", {}, "VCD", "wrong"),
    ("USB", {}, "UBS", "typo"),  # a swap inside a three-letter word keeps its first letter
    ("USB", {}, "SUB", "wrong"),  # not when the first letter moves
    ("SD", {}, "SB", "wrong"),
    ("Il", {}, "Un", "wrong"),
    ("J. S. Bach", {}, "C. P. E. Bach", "wrong"),
    ("J. S. Bach", {}, "J. C. Bach", "wrong"),  # a changed initial
    ("June 1999", {}, "June 1998", "wrong"),  # a different number
    ("June 1999", {}, "July 1999", "wrong"),
    ("June 1999", {}, "June 199", "wrong"),
    ("Apollo 11", {}, "Apollo 13", "wrong"),
    ("Apollo 11", {}, "Apollo 1", "wrong"),
    ("three years", {}, "tree years", "wrong"),  # number words are numbers
    ("three years", {}, "two years", "wrong"),
    ("fifteen", {}, "fifty", "wrong"),
    ("second generation", {}, "secnod generation", "wrong"),
    ("not guilty", {}, "guilty", "wrong"),  # a negation dropped
    ("guilty", {}, "not guilty", "wrong"),
    ("never punished", {}, "punished", "wrong"),
    ("lawful", {}, "unlawful", "wrong"),
    ("legal", {}, "illegal", "wrong"),
    ("legal", {}, "ilegal", "wrong"),
    ("violent", {}, "non-violent", "wrong"),
    ("can watch", {}, "can't watch", "wrong"),
    ("from", {}, "form", "typo"),  # a real-word swap is a known limit: list it under reject
    ("Taejo the Great", {}, "Sejong the Great", "wrong"),
    ("Sejong the Great", {}, "Sejong", "wrong"),
    ("Sejong the Great", {}, "", "wrong"),
    ("Sejong the Great", {}, "   ", "wrong"),
    ("Sejong the Great", {}, "...", "wrong"),
    ("Red Velvet", {}, "Red Velvet Cake", "wrong"),
    ("Shinhwa", {}, "Shinee", "wrong"),
    ("Girls' Generation", {}, "Girls Generation", "right"),
    ("Girls' Generation", {}, "Boys Generation", "wrong"),
]

# The teacher's known near-misses: never accepted, not even as a typo.
REJECT = [
    ("from", {"reject": ["form"]}, "form", "wrong"),
    ("from", {"reject": ["form"]}, "Form", "wrong"),
    ("from", {"reject": ["form"]}, "from", "right"),
    ("Pyongyang", {"reject": ["Pyongyong"]}, "Pyongyong", "wrong"),
    ("Pyongyang", {"reject": ["Pyongyong"]}, "Pyongyeng", "typo"),
    ("Pyongyang", {"reject": ["Pyongyong"]}, "pyong-yong", "wrong"),
    ("Hamgyong", {"reject": ["Hamhung"]}, "Hamhung", "wrong"),
    ("Chongjin", {"reject": ["Chongjon"]}, "CHONGJON", "wrong"),
    ("Chongjin", {"reject": ["Chongjon"]}, "Chongjin", "right"),
    ("Kim Jong Il", {"reject": ["Kim Jong Un"], "accept": ["Kim Chong-il"]}, "Kim Chong Il", "right"),
    ("Kim Jong Il", {"reject": ["Kim Jong Un"]}, "kim jong-un", "wrong"),
]

# Case rules and strict matching, when the teacher asks for them.
STRICT = [
    ("mRNA", {"case_sensitive": True}, "mRNA", "right"),
    ("mRNA", {"case_sensitive": True}, "mrna", "wrong"),
    ("mRNA", {"case_sensitive": True}, "MRNA", "wrong"),
    ("Co", {"case_sensitive": True}, "CO", "wrong"),
    ("Co", {"case_sensitive": True}, "Co.", "right"),
    ("Pyongyang", {"fuzzy": False}, "Pyongyang", "right"),
    ("Pyongyang", {"fuzzy": False}, "pyong-yang", "right"),  # forms are not typos
    ("Pyongyang", {"fuzzy": False}, "Pyonyang", "wrong"),
    ("Pyongyang", {"fuzzy": False}, "Pyongyeng", "wrong"),
    ("Pyöngyang", {"fuzzy": False}, "Pyongyang", "right"),
]

# Names and words from other languages: accents and letters an English keyboard lacks.
LANGUAGES = [
    ("Dvořák", {}, "Dvorak", "right"),
    ("Dvořák", {}, "dvořák", "right"),
    ("Łódź", {}, "Lodz", "right"),
    ("São Paulo", {}, "Sao Paulo", "right"),
    ("Nguyễn Văn Thiệu", {}, "Nguyen Van Thieu", "right"),
    ("Søren Kierkegaard", {}, "Soren Kierkegaard", "right"),
    ("Søren Kierkegaard", {}, "Soren Kierkegard", "typo"),
    ("François Mitterrand", {}, "Francois Mitterand", "typo"),
    ("Zoë", {}, "Zoe", "right"),
    ("Ångström", {}, "Angstrom", "right"),
    ("Reykjavík", {}, "Reykjavik", "right"),
    ("Reykjavík", {}, "Reykjavic", "wrong"),  # a changed last letter
    ("Beyoncé", {}, "Beyonce", "right"),
    ("Gdańsk", {}, "Gdansk", "right"),
    ("Müller", {}, "Mueller", "right"),
    ("Müller", {}, "Muller", "right"),
    ("Müller", {}, "Miller", "wrong"),
    ("Jürgen Habermas", {}, "Juergen Habermas", "right"),
    ("Straße", {}, "Strasse", "right"),
    ("Straße", {}, "strasse", "right"),
    ("Æsop", {}, "Aesop", "right"),
    ("Chŏngjin", {}, "Chongjin", "right"),  # McCune-Reischauer breve
    ("P'yŏngyang", {}, "Pyongyang", "right"),
    ("Hamgyŏng", {}, "Hamgyong", "right"),
    ("Kim Chŏng-il", {}, "Kim Chong Il", "right"),
    ("Kim Chŏng-il", {}, "Kim Chong Un", "wrong"),
    ("Hallyu", {"accept": ["Hanryu"]}, "hanryu", "right"),
    ("Hallyū", {}, "hallyu", "right"),
    ("Pokémon", {}, "pokemon", "right"),
    ("Pokémon", {}, "pokemn", "typo"),
    ("Tōkyō", {}, "Tokyo", "right"),
    ("Tōkyō", {}, "Kyoto", "wrong"),
    ("Málaga", {}, "Malaga", "right"),
    ("İstanbul", {}, "Istanbul", "right"),
]

# Numbers: separators as written in several locales.
SEPARATORS = [
    (1000, {}, "1000", "right"),
    (1000, {}, "1,000", "right"),
    (1000, {}, "1 000", "right"),
    (1000, {}, "1\u00a0000", "right"),
    (1000, {}, "1\u202f000", "right"),
    (1000, {}, "1'000", "right"),
    (1000, {}, "1.000", "right"),  # German: ambiguous with the decimal 1.0, which is not the answer
    (1000, {}, "1000.0", "right"),
    (1000, {}, "1,001", "wrong"),
    (1000, {}, "1.001", "wrong"),
    (1000, {}, "100", "wrong"),
    (1000, {}, "10,000", "wrong"),
    (1000000, {}, "1,000,000", "right"),
    (1000000, {}, "1.000.000", "right"),
    (1000000, {}, "1 000 000", "right"),
    (1000.5, {}, "1,000.5", "right"),
    (1000.5, {}, "1.000,5", "right"),
    (1.5, {}, "1,5", "right"),
    (1.5, {}, "1.5", "right"),
    (1.5, {}, "15", "wrong"),
    (-3.5, {}, "-3.5", "right"),
    (-3.5, {}, "−3.5", "right"),
    (-3.5, {}, "3.5", "wrong"),
    (0.5, {}, ".5", "right"),
    (2018, {}, "2018", "right"),
    (2018, {}, "2,018", "right"),
    (2018, {}, "2017", "wrong"),
]

# Currency signs, codes and words; a different currency is wrong.
CURRENCY = [
    (4, {"unit": "USD per day"}, "$4", "right"),
    (4, {"unit": "USD per day"}, "4", "right"),
    (4, {"unit": "USD per day"}, "4 USD", "right"),
    (4, {"unit": "USD per day"}, "US$4", "right"),
    (4, {"unit": "USD per day"}, "$4 a day", "right"),
    (4, {"unit": "USD per day"}, "4 dollars per day", "right"),
    (4, {"unit": "USD per day"}, "4 USD/day", "right"),
    (4, {"unit": "USD per day"}, "$4/day", "right"),
    (4, {"unit": "USD per day"}, "4 won", "wrong"),
    (4, {"unit": "USD per day"}, "€4", "wrong"),
    (4, {"unit": "USD per day"}, "$5", "wrong"),
    (10, {"unit": "USD"}, "$10", "right"),
    (10, {"unit": "USD"}, "10 dollars", "right"),
    (10, {"unit": "USD"}, "10$", "right"),
    (10, {"unit": "USD"}, "$ 10", "right"),
    (10, {"unit": "USD"}, "£10", "wrong"),
    (50000, {"unit": "won"}, "50,000 won", "right"),
    (50000, {"unit": "won"}, "₩50,000", "right"),
    (50000, {"unit": "won"}, "50,000 KRW", "right"),
    (50000, {"unit": "won"}, "$50,000", "wrong"),
]

# Scale words; the wrong scale is wrong.
SCALE = [
    (2, {"unit": "million people"}, "2 million", "right"),
    (2, {"unit": "million people"}, "2", "right"),
    (2, {"unit": "million people"}, "2,000,000", "right"),
    (2, {"unit": "million people"}, "2000000", "right"),
    (2, {"unit": "million people"}, "2m", "right"),
    (2, {"unit": "million people"}, "2 million people", "right"),
    (2, {"unit": "million people"}, "2 thousand", "wrong"),
    (2, {"unit": "million people"}, "2 billion", "wrong"),
    (2, {"unit": "million people"}, "2,000", "wrong"),
    (2, {"unit": "million people"}, "2k", "wrong"),
    (2, {"unit": "million people"}, "3 million", "wrong"),
    (25, {"unit": "million", "tolerance": 1}, "25 million", "right"),
    (25, {"unit": "million", "tolerance": 1}, "24.5 million", "right"),
    (25, {"unit": "million", "tolerance": 1}, "25,000,000", "right"),
    (25, {"unit": "million", "tolerance": 1}, "26,000,000", "right"),
    (25, {"unit": "million", "tolerance": 1}, "27,000,000", "wrong"),
    (25, {"unit": "million", "tolerance": 1}, "25 thousand", "wrong"),
    (6, {"unit": "million", "tolerance": 0.5}, "6.4m", "right"),
    (6, {"unit": "million", "tolerance": 0.5}, "6.6m", "wrong"),
    (2500000000, {}, "2.5 billion", "right"),
    (2500000000, {}, "2.5bn", "right"),
    (2500000000, {}, "2,500 million", "right"),
    (2500000000, {}, "2.5 million", "wrong"),
    (1200, {}, "1.2k", "right"),
    (1200, {}, "1.2 thousand", "right"),
    (1200, {}, "1.2 million", "wrong"),
    (300000, {}, "3 lakh", "right"),
    (5, {"unit": "m"}, "5m", "right"),  # m is the unit (metres) here, not a million
    (5, {"unit": "m"}, "5 metres", "right"),
]

# Percent.
PERCENT = [
    (70, {"unit": "%", "tolerance": 5}, "70%", "right"),
    (70, {"unit": "%", "tolerance": 5}, "70 %", "right"),
    (70, {"unit": "%", "tolerance": 5}, "70 percent", "right"),
    (70, {"unit": "%", "tolerance": 5}, "70 per cent", "right"),
    (70, {"unit": "%", "tolerance": 5}, "some 70 percent", "right"),
    (70, {"unit": "%", "tolerance": 5}, "75%", "right"),
    (70, {"unit": "%", "tolerance": 5}, "76%", "wrong"),
    (70, {"unit": "%", "tolerance": 5}, "70", "right"),
    (70, {"unit": "percent"}, "70%", "right"),
    (81, {"unit": "%"}, "81 %", "right"),
    (81, {"unit": "%"}, "80 %", "wrong"),
    (81, {}, "81%", "right"),
]

# Units: the unit, its plural, an abbreviation; another unit is not read.
UNITS = [
    (1200, {"unit": "people", "tolerance": 100}, "1,200 people", "right"),
    (1200, {"unit": "people", "tolerance": 100}, "1200 persons", "right"),
    (1200, {"unit": "people", "tolerance": 100}, "about 1,300", "right"),
    (1200, {"unit": "people", "tolerance": 100}, "1,400 people", "wrong"),
    (48, {"unit": "years", "tolerance": 2}, "48 years", "right"),
    (48, {"unit": "years", "tolerance": 2}, "48 yrs", "right"),
    (48, {"unit": "years", "tolerance": 2}, "about 48 year", "right"),
    (48, {"unit": "years", "tolerance": 2}, "48 apples", "unreadable"),
    (16, {"unit": "gigabytes"}, "16 gigabytes", "right"),
    (16, {"unit": "gigabytes"}, "16 gigabyte", "right"),
    (5, {"unit": "km"}, "5 km", "right"),
    (5, {"unit": "km"}, "5 kilometres", "right"),
    (5, {"unit": "km"}, "5 kilometers", "right"),
    (5, {"unit": "kilometres"}, "5km", "right"),
    (3, {"unit": "hours"}, "3 h", "right"),
    (3, {"unit": "hours"}, "3 hrs", "right"),
    (10, {"unit": "episodes"}, "10 episodes", "right"),
    (10, {"unit": "episodes"}, "10 episode", "right"),
]

# Number words parse; anything else asks for a number (never silently wrong).
NUMBER_WORDS = [
    (15, {}, "fifteen", "right"),
    (15, {}, "Fifteen", "right"),
    (15, {}, "sixteen", "wrong"),
    (25, {}, "twenty-five", "right"),
    (25, {}, "twenty five", "right"),
    (100, {}, "a hundred", "right"),
    (100, {}, "one hundred", "right"),
    (2500, {}, "twenty-five hundred", "right"),
    (200000, {}, "two hundred thousand", "right"),
    (1000000, {}, "a million", "right"),
    (2, {"unit": "million people"}, "two million", "right"),
    (2, {"unit": "million people"}, "two", "right"),
    (2, {"unit": "million people"}, "two thousand", "wrong"),
    (15, {}, "fifteenish", "unreadable"),
    (15, {}, "fiveteen", "unreadable"),
    (15, {}, "a dozen or so", "unreadable"),
    (15, {}, "15 or 16", "unreadable"),
    (15, {}, "15-16", "unreadable"),
    (15, {}, "lots", "unreadable"),
    (15, {}, "", "unreadable"),
    (15, {}, "nan", "unreadable"),
    (15, {}, "inf", "unreadable"),
    (15, {}, "1.2.3", "unreadable"),
    (15, {}, "over 15", "unreadable"),
    (15, {}, "1,000,5", "unreadable"),
    (15, {}, "1e999", "unreadable"),
]

# Tolerance edges (float noise must not push a value at the edge out).
TOLERANCE = [
    (3.14, {"tolerance": 0.01}, "3.15", "right"),
    (3.14, {"tolerance": 0.01}, "3.13", "right"),
    (3.14, {"tolerance": 0.01}, "3.16", "wrong"),
    (25, {"tolerance": 1}, "26", "right"),
    (25, {"tolerance": 1}, "26.01", "wrong"),
    (25, {"tolerance": 1}, "23.99", "wrong"),
    (0.1, {"tolerance": 0.2}, "0.3", "right"),
]

TABLE = {"forms": FORMS, "slips": SLIPS, "not slips": NOT_SLIPS, "reject": REJECT, "strict": STRICT,
         "languages": LANGUAGES, "separators": SEPARATORS, "currency": CURRENCY, "scale": SCALE,
         "percent": PERCENT, "units": UNITS, "number words": NUMBER_WORDS, "tolerance": TOLERANCE}
ROWS = [(rule, *row) for rule, rows in TABLE.items() for row in rows]


def question(keyed, options: dict):
    if isinstance(keyed, (int, float)):
        data = {"id": "q", "type": "numeric", "prompt": "?", "answer": keyed, **options}
    else:
        data = {"id": "q", "type": "short_answer", "prompt": "?", "answer": keyed, **options}
    return Bank.model_validate({"id": "t", "title": "T", "questions": [data]}).questions[0]


def verdict(result) -> str:
    if result.correct:
        return "typo" if result.typo else "right"
    return "unreadable" if result.note.startswith("could not read") else "wrong"


def test_the_table_is_large_and_covers_every_rule():
    assert len(ROWS) >= 200
    assert all(len(rows) >= 7 for rows in TABLE.values())


@pytest.mark.parametrize("rule, keyed, options, given, expected", ROWS,
                         ids=[f"{r[0]}: {r[1]!r} <- {r[3]!r}" for r in ROWS])
def test_fair_verdict(rule, keyed, options, given, expected):
    result = check_answer(question(keyed, options), 0, given)
    assert verdict(result) == expected, result


def test_a_year_is_shown_without_a_thousands_separator():
    """The course asks years with unit "year": the right answer reads "2014 year", not "2,014 year"."""
    wrong = check_answer(question(2014, {"unit": "year"}), 0, "2013")
    assert not wrong.correct and wrong.expected == "2014 year"
    assert check_answer(question(2014, {"unit": "year"}), 0, "2014").note == ""
    assert check_answer(question(2014, {"unit": "year"}), 0, "2,014").correct
    assert check_answer(question(2014, {"unit": "people"}), 0, "1").expected == "2,014 people"


def test_feedback_says_how_the_answer_was_read():
    typo = check_answer(question("Sejong the Great", {}), 0, "Sejong teh Great")
    assert typo.note == "accepted with a typo: you wrote 'Sejong teh Great'"
    scaled = check_answer(question(2, {"unit": "million"}), 0, "2,000,000")
    assert scaled.note == "right: 2,000,000 = 2 million"
    assert check_answer(question(2, {"unit": "million"}), 0, "2 million").note == ""
    assert check_answer(question(2, {"unit": "million"}), 0, "2").note == ""
    wrong_scale = check_answer(question(2, {"unit": "million"}), 0, "2 thousand")
    assert not wrong_scale.correct and wrong_scale.note == "you wrote 2 thousand = 2,000"
    words = check_answer(question(15, {}), 0, "fiveteen")
    assert words.note == "could not read 'fiveteen': enter a number"
    assert check_answer(question(4, {"unit": "USD per day"}), 0, "4 won").note == "won is not USD per day"
    rejected = check_answer(question("from", {"reject": ["form"]}), 0, "form")
    assert rejected.note == "'form' is a different answer"
    cloze = Bank.model_validate({"id": "t", "title": "T", "questions": [
        {"id": "c", "type": "cloze", "text": "{{c1::Pyongyang}} and {{c1::Seoul}}"}]}).questions[0]
    assert check_answer(cloze, 1, ["Pyonyang", "Seoul"]).note == "accepted with a typo: you wrote 'Pyonyang'"


# -- properties ---------------------------------------------------------------------------------------------
_WORDS = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), min_size=1, max_size=12)
_ANSWERS = st.lists(_WORDS, min_size=1, max_size=4).map(" ".join)


@given(_ANSWERS)
@hsettings(max_examples=300, deadline=None)
def test_an_exact_answer_is_always_right(answer):
    result = check_answer(question(answer, {}), 0, answer)
    assert result.correct and not result.typo


@given(_ANSWERS, st.sampled_from(["upper", "lower", "title", "swapcase"]),
       st.sampled_from(["", " ", "  ", "\t"]), st.sampled_from(["", ".", "!", "?", "'", '"', ";"]))
@hsettings(max_examples=300, deadline=None)
def test_case_space_and_punctuation_never_make_an_answer_wrong(answer, case, pad, mark):
    typed = pad + mark + getattr(answer, case)().replace(" ", " " + pad) + mark + pad
    result = check_answer(question(answer, {}), 0, typed)
    assert result.correct and not result.typo, typed


_NUMBERS = st.one_of(st.integers(min_value=-10**9, max_value=10**9),
                     st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
                     .map(lambda f: round(f, 3)))


def _written(value) -> list[str]:
    forms = [f"{value}", f"{value:,}"]
    if isinstance(value, int):
        forms.append(f"{value:,}".replace(",", " "))
    return forms


@given(_NUMBERS, _NUMBERS)
@hsettings(max_examples=400, deadline=None)
def test_no_different_number_is_ever_accepted(keyed, typed):
    assume(abs(keyed - typed) > 1e-6 * max(1.0, abs(keyed)))
    q = question(keyed, {})
    for text in _written(typed):
        assert not check_answer(q, 0, text).correct, text
    for text in _written(keyed):
        assert check_answer(q, 0, text).correct, text


@given(st.integers(min_value=1, max_value=999), st.sampled_from([("thousand", 1e3), ("million", 1e6),
                                                                  ("billion", 1e9)]))
@hsettings(max_examples=200, deadline=None)
def test_a_number_is_right_only_at_its_own_scale(n, scale):
    word, factor = scale
    q = question(n, {"unit": f"{word} people"})
    assert check_answer(q, 0, f"{n} {word}").correct
    assert check_answer(q, 0, f"{n * int(factor):,}").correct
    for other in ("thousand", "million", "billion"):
        if other != word:
            assert not check_answer(q, 0, f"{n} {other}").correct


@given(st.text(max_size=30), st.sampled_from([None, "million people", "USD per day", "%", "km", "m"]))
@hsettings(max_examples=400, deadline=None)
def test_any_typed_text_gets_a_verdict_never_an_error(text, unit):
    result = check_answer(question(25, {"unit": unit} if unit else {}), 0, text)
    assert result.correct in (True, False)
    if "could not read" in result.note:  # not read as a number: said so, and never right
        assert not result.correct and result.note.startswith("could not read")
    assert check_answer(question("Kim Jong Il", {"reject": ["Kim Jong Un"]}), 0, text).correct in (True, False)
