# expect: module-level globals without annotations (FIXME: the follow-up errors repeat the first)
TABLE = [1, 2, 3]
SQUARES = {x: x * x for x in TABLE}


def main(argv: list[str]) -> int:
    print(TABLE, SQUARES)
    return 0
