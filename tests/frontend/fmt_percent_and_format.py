def main(argv: list[str]) -> int:
    n = len(argv)
    print("%d items, %s, %5.1f%%" % (n, "ok", 2.25))
    print("%r" % "q")
    print("{0}-{1:>4}-{0}".format(n, "x"), "{} {}".format(1.5, [n]))
    print(format(n, "08b"), format(1.5, ".3e"), str(n).zfill(4))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
