def sign(x: int) -> str:
    if x < 0:
        return "negative"
    elif x == 0:
        return "zero"
    else:
        return "positive"


def main(argv: list[str]) -> int:
    n = len(argv)
    if n > 3:
        print("many")
    elif n > 1:
        print("some")
    print(sign(n - 2))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
