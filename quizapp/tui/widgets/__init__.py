"""Widgets: one answer input per question type, the card, its feedback, rating buttons, charts."""
