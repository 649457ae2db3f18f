from __future__ import annotations

from typing import Dict, List, Optional, Tuple


def squares(n: int) -> List[int]:
    return [i * i for i in range(n)]


def pairs(xs: list[int], ys: list[str]) -> list[tuple[int, str]]:
    return [(x, y) for x in xs if x % 2 == 1 for y in ys if y != "b"]


def index(words: list[str]) -> Dict[str, int]:
    return {w: len(w) for w in words}


def calls(log: list[str], tag: str, v: int) -> int:
    log.append(tag + str(v))
    return v


def main(argv: list[str]) -> int:
    print(squares(6))
    print(pairs([1, 2, 3], ["a", "b", "c"]))
    print(index(["one", "three", "five"]))
    x = 100
    xs = [x for x in range(3)]
    print(xs, x)  # the comprehension variable does not leak
    k = 7
    print([i + k for i in [1, 2, 3]])  # enclosing locals are visible
    grid = [[r * 3 + c for c in range(3)] for r in range(3)]
    print(grid)
    flat = [v for row in grid for v in row if v % 2 == 0]
    print(flat)
    pts: list[tuple[int, int]] = [(1, 2), (3, 4), (5, 6)]
    print([a * b for a, b in pts])
    print({b: a for a, b in pts})
    t: Tuple[int, str] = (1, "x")
    print(t)
    m: Optional[str] = None
    print(m)
    words = ["b", "a", "c", "a"]
    print(sum(len(w) for w in words), sum([1, 2, 3]), sum(range(10), 5))
    print(sum((0.5 * i for i in range(4)), 0.0))
    print(any(w == "c" for w in words), all(w != "a" for w in words))
    empty: list[int] = []
    print(any(empty), all(empty), any([0, 0, 3]), all([1, 0]))
    log: list[str] = []
    print(any(calls(log, "a", i) > 1 for i in range(10)))
    print(log)
    log2: list[str] = []
    print(all(calls(log2, "b", i) < 2 for i in range(10)))
    print(log2)
    print(min(len(w) for w in ["xx", "y", "zzz"]), max(i % 4 for i in range(10)))
    print(sorted((w for w in words), reverse=True), sorted(w + w for w in words))
    print(list(c for c in "hey"), list(range(2, 8, 2)), list(reversed(range(5))))
    print(", ".join(str(i) for i in range(4)))
    print("".join(w.upper() for w in words if w != "a"))
    for i, w in enumerate(words):
        print(i, w)
    for i, w in enumerate(words, 10):
        print(i, w)
    for a, b in zip([1, 2, 3], ["p", "q"]):
        print(a, b)
    for s, n, f in zip("xyz", range(10), [True, False, True]):
        print(s, n, f)
    for w in reversed(words):
        print(w)
    for ch in reversed("abc"):
        print(ch)
    for i in reversed(range(1, 10, 3)):
        print(i)
    for i in reversed(range(10, 0, -4)):
        print(i)
    print([(i, w) for i, w in enumerate(words) if w == "a"])
    print({i: w for i, w in zip(range(3), "abc")})
    d = {"x": 1, "y": 2}
    print([k + str(v) for k, v in d.items()], [k for k in d], [v for v in d.values()])
    nested = [[y for y in range(x)] for x in range(4)]
    print(nested)
    print(list(enumerate(["a", "b"])), list(zip([1, 2], [3, 4])))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
