# int / int by zero raises ZeroDivisionError: division by zero.


def ratio(a: int, b: int) -> float:
    return a / b


def main(argv: list[str]) -> int:
    print(ratio(1, 4), ratio(-3, 2))
    print(ratio(5, 0))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
