"""Other formats in and out: GIFT, Aiken, CSV/TSV and Anki packages into banks; GIFT and worksheets out.

One module per format; none imports Textual or the command layer.  Importers return an `ImportResult`
(banks as plain dicts plus located notes of what was converted or skipped) or raise `InputError` with
located problems; `bankyaml.write_banks` validates and writes them.
"""
