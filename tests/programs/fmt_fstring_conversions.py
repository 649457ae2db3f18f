# f-string conversions (!r, !s, !a), format specs on strings, '=' debug
# fields, nested fields in specs, and the generic str()/repr() path for
# containers, optionals and instances.
from typing import Optional


class Point:
    x: int

    def __init__(self, x: int) -> None:
        self.x = x


class Oops(Exception):
    pass


def main(argv: list[str]) -> int:
    s = "héllo"
    n = 42
    f = 2.5
    xs = [1, 2, 3]
    d = {"a": 1.5}
    t = (1, "two")
    o: Optional[str] = None
    print(f"{s!r} {s!s} {s!a} {n!r} {f!r} {xs!r} {d!r} {t!r} {o!r} {o}")
    print(f"[{s:>10}] [{s:<10}] [{s:^10}] [{s:*^11}] [{s:.2}] [{s:10.3}] [{s!r:>12}] [{'':5}] [{s:0}]")
    print(f"[{s:05}] [{'ab':0>5}] [{'日本語':～^9}] [{'x':\u00a0<3}]")
    print(f"{n=} {f=} {s=} {xs=} {n = } {f=:.2f} {s=!s} {n=:>5}")
    print(f"{xs} {d} {t} {xs!s:} {xs:}")
    e = Oops("bad thing")
    print(f"{e} {e!r} {e!s:>12}")
    w = 8
    prec = 3
    print(f"[{f:{w}.{prec}f}] [{s:{'>' if w > 5 else '<'}{w}}] [{n:{w}{'x'}}]")
    p = Point(3)
    print(f"{p.x:>4} {str(p.x)!r}")
    print(f"{'{'}{n}{'}'} {{literal}} {{{n}}}")
    euro = "\u20ac"
    smile = "\U0001f600"
    print(f"{'é' * 3!a} {euro!a} {smile!a} {chr(7)!a} {[euro]!a} {ascii(smile + 'x')}")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
