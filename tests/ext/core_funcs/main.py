# Exported core functions called from the extension: arguments and returns of
# every value type, functions that raise and functions that cannot.
from typing import Optional

from seam import export, load_extension


@export
class Point:
    x: int
    y: int

    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def show(self) -> str:
        return f"Point({self.x}, {self.y})"


@export
class Space:
    log: list[str]

    def __init__(self) -> None:
        self.log = []


@export
def add_int(a: int, b: int) -> int:
    return a + b


@export
def scale(x: float, k: float) -> float:
    return x * k


@export
def negate(b: bool) -> bool:
    return not b


@export
def shout(s: str) -> str:
    return s.upper() + "!"


@export
def note(space: Space, s: str) -> None:
    space.log.append(s)


@export
def squares(n: int) -> list[int]:
    out: list[int] = []
    for i in range(n):
        out.append(i * i)
    return out


@export
def total(xs: list[int]) -> int:
    t = 0
    for x in xs:
        t += x
    return t


@export
def count_words(words: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


@export
def keys_of(d: dict[int, str]) -> list[int]:
    return list(d.keys())


@export
def pair(a: int, b: str) -> tuple[int, str]:
    return (a, b)


@export
def describe(t: tuple[int, str, float]) -> str:
    n, s, f = t
    return f"{n}/{s}/{f}"


@export
def find(words: list[str], prefix: str) -> Optional[str]:
    for w in words:
        if w.startswith(prefix):
            return w
    return None


@export
def evens(xs: list[int] | None) -> list[int] | None:
    if xs is None:
        return None
    out: list[int] = []
    for x in xs:
        if x % 2 == 0:
            out.append(x)
    return out


@export
def maybe_dict(n: int) -> dict[str, int] | None:
    if n < 0:
        return None
    return {"n": n}


@export
def maybe_name(flag: bool) -> str | None:
    if flag:
        return "named"
    return None


@export
def origin_or(p: Point | None) -> Point:
    if p is None:
        return Point(0, 0)
    return p


@export
def make_point(x: int, y: int) -> Point:
    return Point(x, y)


@export
def midpoint(a: Point, b: Point) -> Point:
    return Point((a.x + b.x) // 2, (a.y + b.y) // 2)


@export
def checked_div(a: int, b: int) -> int:
    if b == 0:
        raise ValueError("division by zero in core")
    return a // b


@export
def lookup(d: dict[str, int], k: str) -> int:
    return d[k]


@export
def many(a: int, b: float, c: bool, d: str, e: list[str], f: dict[str, float], g: Point) -> str:
    return f"{a} {b} {c} {d} {e} {f} {g.show()}"


def main(argv: list[str]) -> int:
    space = Space()
    load_extension("ext", space)
    print("core log:", space.log)
    return 0
