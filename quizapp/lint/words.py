"""Words of bank text: tokens, content words, and English word lists from the wordfreq package."""
from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['\u2019.\-][^\W_]+)*")
FUNCTION_WORDS = 120  # the most frequent English words (the, of, which, was...) carry no content
COMMON_WORDS = 20_000  # a wrong answer a learner may plausibly type


def words(text: str) -> list[str]:
    """Lower-cased word tokens of text ("K-pop", "don't" and "U.S" stay one token).

    Args:
        text: any bank text.

    Returns:
        The tokens in order.
    """
    return [w.casefold().replace("\u2019", "'") for w in _WORD.findall(text)]


def stem(word: str) -> str:
    """A crude stem so that "drives" meets "drive" and "Korea's" meets "Korea"."""
    word = word.removesuffix("'s")
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


@lru_cache(maxsize=8192)  # prompts, quotes and options are read by several rules
def content_words(text: str) -> frozenset[str]:
    """Stems of the words of text that are not among the most frequent English words.

    Args:
        text: any bank text.

    Returns:
        The stems of its content words (three letters or more, or digits).
    """
    skip = function_words()
    return frozenset(stem(w) for w in words(text) if w.isdigit() or (len(w) >= 3 and w not in skip))


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The FUNCTION_WORDS most frequent English words."""
    return frozenset(common_words()[:FUNCTION_WORDS])


@lru_cache(maxsize=1)
def common_words() -> tuple[str, ...]:
    """The COMMON_WORDS most frequent English words, most frequent first (wordfreq's "small" list).

    Returns:
        The words; read from a plain-text copy in the bank cache once wordfreq was asked,
        since loading wordfreq's own data takes a few hundred milliseconds.
    """
    from ..bank.cache import cache_dir
    try:
        from importlib.metadata import version
        stamp = version("wordfreq")
    except Exception:  # noqa: BLE001 - any metadata trouble only costs the cached copy
        stamp = "unknown"
    copy = cache_dir() / f"wordfreq-en-{stamp}-{COMMON_WORDS}.txt"
    try:
        return tuple(copy.read_text(encoding="utf-8").split("\n"))
    except OSError:
        pass
    import wordfreq
    found = tuple(w for w in wordfreq.top_n_list("en", COMMON_WORDS * 2, wordlist="small")
                  if _WORD.fullmatch(w))[:COMMON_WORDS]
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        tmp = copy.with_suffix(".tmp")
        tmp.write_text("\n".join(found), encoding="utf-8")
        tmp.replace(copy)
    except OSError:
        pass  # an unwritable cache only costs speed
    return found


def article_fits(article: str, phrase: str) -> bool:
    """Whether "a"/"an" reads well before phrase (by its first letter, with the usual exceptions).

    Args:
        article: "a" or "an".
        phrase: the option that would follow it.

    Returns:
        True when the article fits the phrase's first sound.
    """
    tokens = _WORD.findall(phrase)
    if not tokens or tokens[0][0].isdigit():
        return True  # "a 1999 concert" / "an 1890s..." depend on how it is read: never a cue
    first = tokens[0].casefold()
    vowel_sound = first[0] in "aeiou"
    if re.match(r"(uni|use|usu|eu|one|once|ur[aeiou])", first):
        vowel_sound = False
    elif re.match(r"(hour|honest|honou?r|heir)", first) or (len(first) <= 3 and tokens[0].isupper()
                                                             and first[0] in "fhlmnrsx"):
        vowel_sound = True
    return vowel_sound == (article == "an")
