# expect: calling a function that does not exist


def main(argv: list[str]) -> int:
    print(helper(3))
    return 0
