"""Screens: library, study, quiz and score, stats, settings, help, and the message screen."""
