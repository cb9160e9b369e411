"""The worksheet as one self-contained HTML page that prints like the PDF (print CSS, page break before the key)."""
from __future__ import annotations

import base64
import html
import string

from markdown_it import MarkdownIt

from .worksheet import BLANK, LETTERS, Worksheet, resolve_image

# html disabled: raw HTML in a bank is shown as text, never interpreted
_MD = MarkdownIt("commonmark", {"html": False})

_CSS = """
@page { size: %(paper)s; margin: 2cm; }
body { font: 11pt/1.45 Georgia, 'Times New Roman', serif; max-width: 46em; margin: 2em auto; color: #111; }
header { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 1.5px solid #111; }
header h1 { font-size: 1.5em; margin: 0 0 .2em; }
header p { white-space: nowrap; margin-left: 1.5em; line-height: 2; }
.fill { display: inline-block; width: 11em; border-bottom: 1px solid #444; }
.blank { display: inline-block; width: 7em; border-bottom: 1px solid #444; }
.note { color: #555; font-size: .9em; }
ol.questions > li { break-inside: avoid; margin: 1.1em 0; }
ol.letters { list-style: upper-alpha; padding-left: 1.6em; }
.box { display: inline-block; width: .85em; height: .85em; border: 1px solid #111; border-radius: 2px;
       vertical-align: -.1em; margin-right: .4em; }
.letterbox { display: inline-block; width: 1.5em; height: 1.4em; border: 1px solid #111; border-radius: 2px;
             vertical-align: middle; margin-right: .4em; }
.lines { border-bottom: 1px solid #888; height: 1.8em; }
.match { display: grid; grid-template-columns: 1fr 1fr; gap: .4em 1.5em; }
.answer { background: #eee; padding: .4em .6em; border-radius: 3px; font-size: .95em; }
.key { break-before: page; }
blockquote { margin: .4em 0; padding-left: .8em; border-left: 2px solid #aaa; font-style: italic; font-size: .9em; }
p { margin: .2em 0; }
"""


def _embed(tokens, folder: str) -> str:
    """Rendered tokens with each image the bank has inlined as a data: URL, so the page stands alone."""
    for token in tokens:
        for child in token.children or ():
            if child.type == "image":
                file = resolve_image(folder, str(child.attrs.get("src", "")))
                if file is None:  # printed as its alt text, as in the PDF
                    child.type, child.content, child.children = "text", f"[image: {child.content}]", None
                    continue
                kind = {".svg": "svg+xml", ".jpg": "jpeg"}.get(file.suffix.lower(), file.suffix[1:].lower())
                child.attrs["src"] = f"data:image/{kind};base64," + base64.b64encode(file.read_bytes()).decode()
    return _MD.renderer.render(tokens, _MD.options, {})


def _md(text: str, hints: list[str] | None = None, folder: str = "") -> str:
    out = _embed(_MD.parse(text or ""), folder)
    for index, hint in enumerate(hints or []):
        label = f'<span class="blank"></span><sub>({string.ascii_lowercase[index % 26]})</sub>'
        label += f' <span class="note">({html.escape(hint)})</span>' if hint else ""
        out = out.replace(BLANK, label, 1)
    return out


def _inline(text: str, folder: str = "") -> str:
    return _embed(_MD.parseInline(text or ""), folder)


def _body(e) -> str:
    parts = [_md(e.prompt, e.hints, e.folder)]
    if e.instruction:
        parts.append(f'<p class="note"><i>{html.escape(e.instruction)}</i></p>')
    if e.kind == "multiple_choice":
        parts.append('<ol class="letters">' + "".join(f'<li><span class="box"></span>{_inline(c)}</li>'
                                                        for c in e.choices) + "</ol>")
    elif e.kind == "true_false":
        parts.append('<p><span class="box"></span>True &emsp; <span class="box"></span>False</p>')
    elif e.kind == "numeric":
        parts.append(f'<p>Answer: <span class="fill"></span> {html.escape(e.unit)}</p>')
    elif e.kind in ("short_answer", "flashcard"):
        parts.append('<div class="lines"></div>' * (2 if e.kind == "flashcard" else 1))
    elif e.kind == "ordering":
        parts.append('<ol class="letters">' + "".join(f"<li>{_inline(c)}</li>" for c in e.choices) + "</ol>")
        parts.append("<p>Order: " + '<span class="letterbox"></span>' * len(e.choices) + "</p>")
    elif e.kind == "matching":
        rows = []
        for i in range(max(len(e.left), len(e.choices))):
            left = f'<span class="letterbox"></span>{i + 1}. {_inline(e.left[i])}' if i < len(e.left) else ""
            right = f"<b>{LETTERS[i]}.</b> {_inline(e.choices[i])}" if i < len(e.choices) else ""
            rows.append(f"<div>{left}</div><div>{right}</div>")
        parts.append('<div class="match">' + "".join(rows) + "</div>")
    return "".join(parts)


def _key(e) -> str:
    out = f"<b>{_inline(e.key)}</b>" + (_md(e.explanation) if e.explanation else "")
    if e.quote:
        source = f'<br><span class="note">— {html.escape(e.source)}</span>' if e.source else ""
        quote = _inline(e.quote) if e.quote[:1] in "\"“'‘" else f"“{_inline(e.quote)}”"
        out += f"<blockquote>{quote}{source}</blockquote>"
    return out


def render_html(sheet: Worksheet) -> str:
    """The worksheet as an HTML document (UTF-8 text)."""
    title = html.escape(sheet.title)
    items = []
    for e in sheet.entries:
        inline = f'<div class="answer">Answer: {_key(e)}</div>' if sheet.answers == "inline" else ""
        items.append(f'<li value="{e.number}">{_body(e)}{inline}</li>')
    key = ""
    if sheet.answers == "separate":
        key = ('<section class="key"><h2>Answer key</h2><ol>'
               + "".join(f'<li value="{e.number}">{_key(e)}</li>' for e in sheet.entries) + "</ol></section>")
    paper = {"a4": "A4", "letter": "letter"}[sheet.paper]
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{_CSS % {'paper': paper}}</style></head><body>"
            f'<header><h1>{title}</h1><p>Name: <span class="fill"></span><br>Date: <span class="fill"></span></p></header>'
            f'<p class="note">{len(sheet.entries)} questions. Tick one box unless told otherwise; write answers on the lines.</p>'
            f'<ol class="questions">{"".join(items)}</ol>{key}</body></html>\n')
