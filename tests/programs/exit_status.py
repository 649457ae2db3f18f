# main's return value is the process exit status.


def validate(xs: list[int]) -> int:
    bad = 0
    for x in xs:
        if x < 0:
            print("negative:", x)
            bad += 1
    return bad


def main(argv: list[str]) -> int:
    print("checking")
    bad = validate([1, -2, 3, -4, -5])
    print("bad count", bad)
    if bad > 0:
        return bad
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
