# pkg.mod: imported both as `import pkg.mod` and `from pkg.mod import ...`.

PREFIX = "pkg.mod"


def f(x: int) -> int:
    return x * 10 + 1


def tag(s: str) -> str:
    return "[" + PREFIX + ":" + s + "]"
