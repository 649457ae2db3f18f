# A narrowing survives a loop whose break leaves it narrowed further: inside
# `if v is not None:`, a `break` taken when `isinstance(v, Side)` meets the
# loop's normal exit with `v` still not None (their nearest common base), as
# mypy sees it (found by seam-gen: it was refused).


class Base:
    a: int

    def __init__(self, a: int) -> None:
        self.a = a


class Side(Base):
    pass


def first_a(v: Base | None, words: list[str]) -> int:
    if v is not None:
        for w in words:
            if isinstance(v, Side) and w == "stop":
                break
        while len(words) > 5:
            if isinstance(v, Side):
                break
            words = words[1:]
        return v.a
    return -1


def main(argv: list[str]) -> int:
    print(first_a(Base(1), ["a", "stop"]), first_a(Side(2), ["stop"]), first_a(None, []))
    print(first_a(Side(3), ["a", "b", "c", "d", "e", "f", "g"]))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
