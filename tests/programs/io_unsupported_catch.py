# io.UnsupportedOperation is an OSError and, as in CPython, caught by
# `except ValueError` too.
def main(argv: list[str]) -> int:
    f = open("/dev/null")
    try:
        f.write("x")
    except ValueError as e:
        print("ValueError clause:", e)
    try:
        f.write("x")
    except (KeyError, ValueError) as e:
        print("tuple clause:", e)
    try:
        f.write("x")
    except OSError as e:
        print("OSError clause:", e)
    f.close()
    try:
        f.write("x")
    except ValueError as e:
        print("closed:", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
