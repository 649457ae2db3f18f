# A second helper module that itself imports helpers.
from helpers import scale


def scaled_sum(xs: list[int]) -> int:
    total = 0
    for x in xs:
        total += scale(x)
    return total


def square(x: int) -> int:
    return x * x
