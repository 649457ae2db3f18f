# expect: an optional used as an int without a None test
def inc(x: int | None) -> int:
    return x + 1


def main(argv: list[str]) -> int:
    print(inc(1))
    return 0
