# expect: int + str


def main(argv: list[str]) -> int:
    n = 1
    print(n + "a")
    return 0
