# expect: generators (yield) are not supported


def count() -> int:
    yield 1


def main(argv: list[str]) -> int:
    return 0
