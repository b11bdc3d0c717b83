"""Predicting a run's time from measured growth, not from a straight line.

Builds do not grow in proportion to their size: a fixed cost (starting Python, importing
the builder and the theme) dominates small ones, and anything that every page repeats for
every other page (a navigation listing every page) makes large ones grow faster than their
size. So a time is predicted from the two largest sizes already measured, as t = a * n**k:
the exponent k is the growth measured between them (1 is linear; 2 is the square), and
extrapolating with it stays honest in both directions.
"""

from __future__ import annotations

import math


def exponent(points: list[tuple[float, float]]) -> float | None:
    """The growth k between the two largest (size, seconds) points, or None with fewer."""
    usable = sorted((n, t) for n, t in points if n > 0 and t > 0)
    if len(usable) < 2 or usable[-2][0] == usable[-1][0]:
        return None
    (n1, t1), (n2, t2) = usable[-2:]
    return math.log(t2 / t1) / math.log(n2 / n1)


def predict(points: list[tuple[float, float]], size: float) -> float | None:
    """Seconds expected at `size`, from the measured growth; None without two points.

    Never predicts less than linear growth from the largest point for a larger size: the
    fixed cost that makes small runs grow slowly does not keep shrinking.
    """
    k = exponent(points)
    if k is None:
        return None
    n, t = max((n, t) for n, t in points if n > 0 and t > 0)
    return t * (size / n) ** (max(k, 1.0) if size > n else k)


def over_linear(small: tuple[float, float], large: tuple[float, float]) -> float:
    """How much faster than its size a run grew from `small` to `large`: 1.0 is linear."""
    (n1, t1), (n2, t2) = small, large
    return (t2 / t1) / (n2 / n1)
