"""Lets `python -m quizapp` run the command line."""
from quizapp.cli import run

run()
