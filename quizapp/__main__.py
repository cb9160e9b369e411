"""`python -m quizapp` and the `quizapp` script: the command line, with Ctrl+C held while it loads."""


def main() -> None:
    """Entry point: hold Ctrl+C before importing anything heavy, then run the command line."""
    from quizapp import interrupts
    interrupts.hold()
    from quizapp.cli import run
    run()


if __name__ == "__main__":
    main()
