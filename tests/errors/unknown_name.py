# expect: a name that is defined nowhere


def main(argv: list[str]) -> int:
    print(undefined_thing)
    return 0
