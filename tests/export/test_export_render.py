"""Field HTML: the plain-text fast path agrees with markdown-it, raw HTML is escaped, images become media."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from quizapp.export.render import _PLAIN, Media, TextRenderer, plain

MD = MarkdownIt("commonmark", {"html": False})
# Letters and digits, the space, every ASCII punctuation mark and a few kinds of Unicode space and letter.
ALPHABET = st.sampled_from(list("aZ09 \t\n") + [chr(c) for c in range(33, 127) if not chr(c).isalnum()]
                           + ["\u00a0", "\u2003", "\u3000", "\u2028", "é", "한", "—", "\x00", "\x1b", "\x85"])
# Half of the examples from the characters the fast path accepts, so it is exercised often.
TEXTS = st.one_of(st.text(ALPHABET, min_size=1, max_size=12),
                  st.text(st.sampled_from(list("ab 1.)-+=!\"'(){}:;?/%$@^,é한—")), min_size=1, max_size=12))


def renderer(tmp_path) -> TextRenderer:
    return TextRenderer(tmp_path, Media())


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
@example("1. item")
@example("2018 was the year")
@example("- a")
@example("a  b")
@example("x!y(z)")
def test_fast_path_gives_exactly_markdown_it_s_html(tmp_path_factory, text):
    r = renderer(tmp_path_factory.getbasetemp())
    assert r.block(text, ()) == MD.render(text).rstrip("\n")
    assert r.inline(text, ()) == MD.renderInline(text)


def test_fast_path_covers_ordinary_sentences_and_refuses_markdown():
    taken = ["What is the capital of South Korea?", 'He said "no" (twice): 3/4 = 75%!', "Kim Jong-un's 2018 visit"]
    refused = ["Use *emphasis*", "a <b>tag</b>", "A & B", "1. first", "- item", "# Heading", "[link](x)",
               "two\nlines", "trailing ", "tab\there", "`code`", "back\\slash"]
    assert all(_PLAIN.fullmatch(t) for t in taken)
    assert not any(_PLAIN.fullmatch(t) for t in refused)


def test_raw_html_is_text_and_markdown_renders(tmp_path):
    r = renderer(tmp_path)
    assert r.block("<script>alert('x')</script> **bold**", ()) == \
        "<p>&lt;script&gt;alert('x')&lt;/script&gt; <strong>bold</strong></p>"
    assert r.inline("a & <i>b</i>", ()) == "a &amp; &lt;i&gt;b&lt;/i&gt;"
    assert r.block("- one\n- two", ()) == "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"
    assert plain("<a> & \"b\" 'c'") == "&lt;a&gt; &amp; &quot;b&quot; &#x27;c&#x27;"
    assert r.block(None, ()) == "" and r.inline("", ()) == ""


def test_images_beside_the_bank_become_media_named_by_content(tmp_path):
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "map one.png").write_bytes(b"first image")
    (tmp_path / "other.PNG").write_bytes(b"second image")
    r = renderer(tmp_path)
    html = r.block("See ![the map](<img/map one.png>) and ![x](other.PNG \"t\")", ("questions", 0, "prompt"))
    names = sorted(r.media.files)
    assert len(names) == 2 and not r.problems
    assert names[0].startswith("map-one-") and names[0].endswith(".png")
    assert names[1].startswith("other-") and names[1].endswith(".png")
    assert f'<img src="{names[0]}" alt="the map" />' in html and f'src="{names[1]}"' in html
    again = renderer(tmp_path)
    again.media = r.media
    assert again.inline("![m](img/map%20one.png)", ()) == f'<img src="{names[0]}" alt="m" />'
    assert len(r.media.files) == 2  # the same file is packed once


def test_web_and_data_images_are_left_alone(tmp_path):
    r = renderer(tmp_path)
    html = r.block("![w](https://example.org/a.png)", ())
    assert html == '<p><img src="https://example.org/a.png" alt="w" /></p>' and not r.media.files


def test_image_problems_are_collected_with_where_they_are(tmp_path):
    bank_dir = tmp_path / "bank"
    bank_dir.mkdir()
    (tmp_path / "secret.png").write_bytes(b"x")
    (bank_dir / "link.png").symlink_to(tmp_path / "secret.png")
    r = renderer(bank_dir)
    r.block("![a](../secret.png)", ("questions", 2, "prompt"))
    r.inline("![b](link.png)", ("questions", 3, "choices", 1))
    r.inline("![c](nothing.png)", ("questions", 4, "items", 0))
    assert [where for where, _ in r.problems] == [("questions", 2, "prompt"), ("questions", 3, "choices", 1),
                                                  ("questions", 4, "items", 0)]
    assert "outside the bank's folder" in r.problems[0][1] and "outside the bank's folder" in r.problems[1][1]
    assert "not found" in r.problems[2][1] and not r.media.files
