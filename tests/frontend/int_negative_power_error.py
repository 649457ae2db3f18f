# expect: a literal negative exponent for int ** int
def main(argv: list[str]) -> int:
    print(len(argv) ** -1)
    return 0
