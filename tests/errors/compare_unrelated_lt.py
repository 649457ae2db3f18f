# expect: ordering a str against an int


def main(argv: list[str]) -> int:
    if "a" < 1:
        print("less")
    return 0
