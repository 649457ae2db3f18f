# expect: repeating a str a float number of times


def main(argv: list[str]) -> int:
    print("ab" * 2.5)
    return 0
