# expect: a %-format whose arguments do not match its conversions
def main(argv: list[str]) -> int:
    print("%d %d" % (1,))
    return 0
