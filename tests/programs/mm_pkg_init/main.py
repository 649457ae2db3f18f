# Packages: `import pkg.mod` then `pkg.mod.f()`, and `from pkg.mod import f`.
import pkg.mod
import pkg.other
from pkg.mod import f, tag


def main(argv: list[str]) -> int:
    print(pkg.mod.f(1), f(2), pkg.other.g(3))
    print(tag("x"), pkg.mod.tag("y"), pkg.mod.PREFIX)
    total = 0
    for i in range(5):
        total += pkg.mod.f(i) - f(i)
    print("difference", total)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
