"""The CSS shared by every quizapp note type: readable on desktop, AnkiDroid and AnkiMobile, light and night."""

# Anki puts `.nightMode` (AnkiDroid also `.night_mode`) on the element carrying `.card` on desktop and
# AnkiDroid, and on <body> around it on AnkiMobile; both selector forms are listed.  Defining night colours
# also stops AnkiDroid from inverting the card's colours itself.  `.mobile` is set by the phone apps.
CARD_CSS = """\
.card {
  --fg: #1d1f23; --bg: #ffffff; --muted: #5c6370; --line: #d5d9e0; --accent: #1f5fbf;
  --ok: #1b7f3b; --ok-bg: #e6f4ea; --panel: #f4f6f9;
  --sans: -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  --mono: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace;
  font-family: var(--sans);
  font-size: 20px; line-height: 1.5; text-align: left;
  color: var(--fg); background-color: var(--bg);
}
/* Two classes outrank Anki desktop's `body.nightMode { background-color: var(--canvas) }`, so the card's own
   background (and with it the quote panel's contrast) holds in night mode too. */
.nightMode.card, .nightMode .card, .night_mode.card, .night_mode .card {
  --fg: #e6e8eb; --bg: #1e1f22; --muted: #a2a9b4; --line: #4a505a; --accent: #7fb0ff;
  --ok: #7dd39a; --ok-bg: #1f3a28; --panel: #30343b;
  background-color: var(--bg);
}
.qa { max-width: 40rem; margin: 0 auto; padding: 0.5rem 1rem; }
.mobile .qa { padding: 0.25rem 0.5rem; }
.mobile.card, .mobile .card { font-size: 18px; }
.kind { font-size: 0.7em; letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted); }
.prompt { font-weight: 600; margin: 0.25rem 0 0.75rem; }
.prompt p, .explanation p, .cloze-text p { margin: 0.4rem 0; }
.hint { color: var(--muted); font-style: italic; font-size: 0.9em; margin: 0.25rem 0 0.5rem; }
hr#answer { border: 0; border-top: 1px solid var(--line); margin: 1rem 0; }
ol.choices, ol.items, ol.right, ol.order, ol.left { margin: 0.25rem 0; padding-left: 2.2em; }
ol.choices li, ol.items li, ol.order li, ol.left li, ol.right li { margin: 0.3rem 0; padding: 0.1rem 0.3rem; }
ol.choices li.correct { color: var(--ok); background: var(--ok-bg); border-radius: 4px; font-weight: 600; }
ol.choices li.correct::after { content: " \\2713"; }
ol.choices li.other { color: var(--muted); }
.columns { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; }
.columns > div { flex: 1 1 12rem; }
table.pairs { border-collapse: collapse; margin: 0.25rem 0; }
table.pairs td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.6rem; vertical-align: top; }
table.pairs td.arrow { color: var(--muted); padding: 0.3rem 0.2rem; }
.verdict, .answer { font-size: 1.2em; font-weight: 700; color: var(--ok); margin: 0.25rem 0; }
.accepted { color: var(--muted); font-size: 0.9em; margin: 0.5rem 0; }
.explanation { margin: 0.75rem 0; }
blockquote.quote {
  margin: 0.75rem 0; padding: 0.4rem 0.8rem; border-left: 4px solid var(--line);
  background: var(--panel); color: var(--muted); font-style: italic;
}
.source { font-size: 0.8em; color: var(--muted); margin-top: 0.75rem; }
.source a, .explanation a, .prompt a { color: var(--accent); }
.qid { font-size: 0.65em; color: var(--muted); margin-top: 1rem; font-family: var(--mono); }
.cloze { font-weight: 700; color: var(--accent); }
/* The type-in box (an <input>) and, on the back, Anki's comparison (a <code>) share the id typeans.  Anki
   puts the field's font inline on both (genanki's default, 'Liberation Sans', is missing on many systems and
   falls back to serif), so the fonts here are !important. */
input#typeans { width: 100%; box-sizing: border-box; padding: 0.3rem 0.5rem;
  font-family: var(--sans) !important; font-size: 1em !important;
  color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 4px; }
code#typeans { display: block; padding: 0.4rem 0.6rem; white-space: pre-wrap; line-height: 1.6;
  font-family: var(--mono) !important; font-size: 0.95em !important;
  background: var(--panel); border: 1px solid var(--line); border-radius: 4px; }
.accepted.strict { font-size: 0.8em; }
.letters { font-weight: 700; margin: 0.25rem 0; }
ol.order li::before { content: attr(class); font-weight: 700; color: var(--accent); margin-right: 0.5em; }
table.pairs { counter-reset: pair; }
table.pairs td:first-child::before { counter-increment: pair; content: counter(pair) ". "; color: var(--muted); }
code { font-family: var(--mono); font-size: 0.9em;
  background: var(--panel); padding: 0 0.2em; border-radius: 3px; }
img { max-width: 100%; height: auto; }
"""
