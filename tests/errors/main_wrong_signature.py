# expect: main must be def main(argv: list[str]) -> int


def main() -> int:
    return 0
