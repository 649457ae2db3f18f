# expect: an integer literal that does not fit in 64 bits
def main(argv: list[str]) -> int:
    print(18446744073709551616)
    return 0
