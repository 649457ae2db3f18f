# An exception raised in an except handler escapes main: the last stderr line is the new one.


class Fatal(RuntimeError):
    pass


def main(argv: list[str]) -> int:
    try:
        print(int("nope"))
    except ValueError as e:
        print("handling:", str(e))
        raise Fatal("could not recover from " + repr(str(e)))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
