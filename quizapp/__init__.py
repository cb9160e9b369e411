"""quizapp: question banks in YAML, studied with spaced repetition in the terminal or in Anki."""

__version__ = "0.1.0"
