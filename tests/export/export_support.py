"""Helpers for the Anki export tests: an awkward bank, importing into Anki, reading a package."""
from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

# Every type, with HTML special characters, Markdown, an image and a three-deletion cloze.
SPECIAL_BANK = r'''id: special-chars
title: Special <characters> & "quotes"
description: Checks that *Markdown* renders and <b>raw HTML</b> does not.
deck: quizapp tests::Special
tags: [test-bank]
source:
  title: The <Source> & more
  author: O'Brien
  url: https://example.org/a?b=1&c=2
questions:
  - id: html-prompt
    type: multiple_choice
    prompt: 'Is <b>bold</b> & "quoted" text shown as text?'
    choices: ['<i>yes</i>', 'a & b', "'single'"]
    answer: '<i>yes</i>'
    explanation: 'Raw HTML like <script>alert(1)</script> is *escaped*; Markdown **works**.'
    quote: 'He said "5 < 6 & 7 > 3".'
    tags: [html]
  - id: picture
    type: true_false
    prompt: "The picture shows a dot: ![a dot](img/dot.png)"
    answer: true
  - id: typed
    type: short_answer
    prompt: Type `a<b`
    answer: a<b
    accept: ["a < b"]
  - id: number
    type: numeric
    prompt: How many?
    answer: 2.5
    tolerance: 0.5
    unit: "%"
  - id: three-blanks
    type: cloze
    text: "{{c1::A & B}} came before {{c2::<C>::a \"hint\"}} and {{c3::D}}."
  - id: steps
    type: ordering
    prompt: Order these.
    items: [first <1>, second & 2, third "3"]
  - id: pairs
    type: matching
    prompt: Match them.
    pairs:
      "<left>": "&right"
      plain: '"quoted"'
'''


def import_package(col, apkg: Path):
    """Import like Anki's File > Import with its default options; returns the import log."""
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest
    request = ImportAnkiPackageRequest(package_path=str(Path(apkg).resolve()), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request).log


def package_rows(apkg: Path, sql: str) -> list:
    """Rows from the collection database inside a package."""
    with zipfile.ZipFile(apkg) as archive:
        data = archive.read("collection.anki2")
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(data)
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def listing(folder: Path) -> list[str]:
    """Every file below folder, temporary ones included, relative and sorted."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) if folder.exists() else []

