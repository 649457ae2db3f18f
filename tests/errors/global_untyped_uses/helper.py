import main

NAMES = sorted(["b", "a"])


def limit() -> int:
    return main.LOW + len(NAMES)
