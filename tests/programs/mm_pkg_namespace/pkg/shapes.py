# A module in a package directory without __init__.py (a namespace package).


def area(w: int, h: int) -> int:
    return w * h


def perimeter(w: int, h: int) -> int:
    return 2 * (w + h)
