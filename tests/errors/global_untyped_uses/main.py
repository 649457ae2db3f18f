# expect: globals whose type cannot be decided, each reported once: their uses, here and in another module, add no errors
import helper

LOW = -9223372036854775807 - 1
BAD: list[nosuch] = []


def main(argv: list[str]) -> int:
    print(LOW < 0, len(BAD), helper.limit() + 1)
    for x in BAD:
        print(x)
    return 0
