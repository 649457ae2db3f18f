# expect: module-level globals without annotations, each reported once (their uses add no errors)
TABLE = [1, 2, 3]
SQUARES = {x: x * x for x in TABLE}


def main(argv: list[str]) -> int:
    print(TABLE, SQUARES)
    return 0
