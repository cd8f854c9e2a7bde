"""Retry delays: capped exponential backoff with full jitter.

The formula is the "Full Jitter" variant from the AWS Architecture Blog post
"Exponential Backoff And Jitter":

    sleep = random_between(0, min(cap, base * 2 ** attempt))

Here `attempt` counts retries from 1, so the first retry waits somewhere in
[0, base], the second in [0, 2*base], and so on until the window reaches `cap`.
"""

import random

# 2**60 * base is already far beyond any sane cap; clamping the exponent keeps
# base * 2**n from overflowing a float for absurd attempt numbers.
_MAX_EXPONENT = 60


def window(attempt: int, base: float, cap: float) -> float:
    """Upper bound of the delay before retry number `attempt` (1-based)."""
    if attempt < 1:
        raise ValueError(f"attempt must be >= 1, got {attempt}")
    return min(cap, base * 2 ** min(attempt - 1, _MAX_EXPONENT))


def full_jitter(attempt: int, base: float, cap: float, rng: random.Random = random) -> float:
    """A delay drawn uniformly from [0, window(attempt, base, cap)]."""
    return rng.uniform(0.0, window(attempt, base, cap))
