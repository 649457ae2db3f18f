# A negative index beyond the start raises IndexError too.


def main(argv: list[str]) -> int:
    xs = ["a", "b"]
    print(xs[-1], xs[-2])
    print(xs[-3])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
