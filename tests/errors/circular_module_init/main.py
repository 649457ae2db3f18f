# expect: module-level code of b reads a.VA while a is only partly initialised (a imports b, b imports a)
import a
import b


def main(argv: list[str]) -> int:
    print(a.fa(5), b.VB)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
