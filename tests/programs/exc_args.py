class Oops(Exception):
    code: int

    def __init__(self, code: int) -> None:
        self.code = code


class Pair(Exception):
    a_: int

    def __init__(self, a: str, b: int) -> None:
        self.a_ = 0


class Named(Exception):
    def __init__(self, code: int) -> None:
        super().__init__("code " + str(code))


class Quiet(Exception):
    def __init__(self) -> None:
        pass


class Missing(KeyError):
    def __init__(self, key: str) -> None:
        pass


class Shown(Exception):
    def __str__(self) -> str:
        return "shown!"


def main(argv: list[str]) -> int:
    for e in [Oops(3), Pair("x", 2), Named(4), Quiet(), Shown("m"), ValueError("v"), Missing("k")]:
        print(str(e), "|", repr(e))
        print(e)
    try:
        raise Oops(7)
    except Oops as e:
        print("caught", e, e.code)
    try:
        try:
            raise ValueError("inner")
        except ValueError as inner:
            raise Named(9) from inner
    except Named as e:
        print("from:", e)
    raise Oops(42) from None


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
