# expect: numeric builtins given values they do not take
def main(argv: list[str]) -> int:
    print(divmod("a", 2))
    print(divmod(True, 2))
    print(round("1.5"))
    print(round(2.5, 1.0))
    print(hex(1.5))
    print(pow(2, "3"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
