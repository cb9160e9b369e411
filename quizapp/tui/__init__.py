"""The Textual terminal UI: library, study sessions, quizzes, stats and settings."""
import os

# Textual batches screen updates at TEXTUAL_FPS (default 60); a new card takes a few update rounds, so at 60
# the next card shows ~50 ms after the key, at 120 ~30 ms. The timer only runs while something changes.
# Set before Textual is imported (quizapp.tui.app imports it); a learner's own TEXTUAL_FPS wins.
os.environ.setdefault("TEXTUAL_FPS", "120")
