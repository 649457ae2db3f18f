# mypy: disable-error-code="func-returns-value"
# (mypy refuses to use the result of a function declared "-> None": this
# program does so on purpose)
# A comparison with None whose outcome the types decide still evaluates both
# operands, in order: `p() is None` calls p.


class C:
    pass


def p(tag: str) -> None:
    print("side effect", tag)


def mk(tag: str) -> C:
    print("mk", tag)
    return C()


def maybe(tag: str, give: bool) -> C | None:
    print("maybe", tag)
    if give:
        return C()
    return None


def main(argv: list[str]) -> int:
    print(p("a") is None)
    print(None is p("b"))
    print(p("c") is not None)
    print(mk("d") is None)
    print(None is mk("e"))
    print(mk("f") is not None)
    print(maybe("g", True) is p("h"))
    print(p("i") is maybe("j", False))
    print(p("k") is p("l"))
    print(mk("m") is not p("n"))
    print(p("o") == None, None != p("q"))
    print(mk("r") == p("s"), p("t") != mk("u"))
    try:
        print([mk("v")][4] is p("w"))
    except IndexError as e:
        print("IndexError", e)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
