"""A simulated learner whose memory follows known FSRS parameters: reviews to fit the optimizer on."""
from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler

from quizapp.srs.clock import to_us

T0 = datetime(2025, 1, 1, 9, tzinfo=timezone.utc)
DEFAULT = tuple(Scheduler().parameters)
# A forgetful learner: much lower initial stabilities than the average one, a different decay.
TRUE = (0.05, 0.3, 0.8, 2.5) + DEFAULT[4:8] + (1.3,) + DEFAULT[9:20] + (0.35,)


def recalled(truth: Scheduler, known: Card, at: datetime, rnd: random.Random) -> bool:
    """Whether the simulated learner remembers a card now, drawn from the true model's retrievability."""
    return rnd.random() < truth.get_card_retrievability(known, at)


def rating_for(first: bool, remembered: bool, rnd: random.Random) -> int:
    if first:
        return rnd.choices([1, 2, 3, 4], [0.25, 0.1, 0.55, 0.1])[0]
    return rnd.choices([2, 3, 4], [0.1, 0.8, 0.1])[0] if remembered else 1


def simulate(n_cards: int, seed: int) -> list[tuple[int, int, int]]:
    """(card key, reviewed_at us, rating) rows of a learner scheduled by the defaults, remembering by TRUE."""
    rnd = random.Random(seed)
    learner, truth = Scheduler(enable_fuzzing=False), Scheduler(parameters=TRUE, enable_fuzzing=False)
    out = []
    for cid in range(1, n_cards + 1):
        at = T0 + timedelta(days=rnd.randrange(30), hours=rnd.random() * 8)
        seen, known = Card(card_id=cid, due=at), Card(card_id=cid, due=at)
        for i in range(12):
            if at > T0 + timedelta(days=400):
                break
            rating = rating_for(i == 0, i > 0 and recalled(truth, known, at, rnd), rnd)
            out.append((cid * 1000 + 1, to_us(at), rating))
            seen, _ = learner.review_card(seen, Rating(rating), at)
            known, _ = truth.review_card(known, Rating(rating), at)
            at = max(seen.due, at + timedelta(minutes=1))
    return out
