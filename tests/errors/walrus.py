# expect: assignment expressions are not supported


def main(argv: list[str]) -> int:
    if (n := len(argv)) > 1:
        print(n)
    return 0
