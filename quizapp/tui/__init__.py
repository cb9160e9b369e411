"""The Textual terminal UI: library, study sessions, quizzes, stats and settings."""
