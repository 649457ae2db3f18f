# pop from an empty list raises IndexError: pop from empty list.


def main(argv: list[str]) -> int:
    xs = [1, 2]
    print(xs.pop(), xs.pop(), xs)
    print(xs.pop())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
