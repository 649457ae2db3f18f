# expect: a class nested inside another class


class Outer:
    class Inner:
        pass


def main(argv: list[str]) -> int:
    return 0
