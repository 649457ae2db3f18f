# Helper module: functions and constants used by main via both import forms.

GREETING = "hello"
SCALE: int = 3


def shout(s: str) -> str:
    return s.upper() + "!"


def scale(x: int) -> int:
    return x * SCALE


def describe(xs: list[int]) -> str:
    return f"{len(xs)} items, first {xs[0]}, last {xs[-1]}"
