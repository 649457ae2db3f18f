# expect: the format code 'd' refused for a float


def main(argv: list[str]) -> int:
    x = 2.5
    print(f"{x:d}")
    return 0
