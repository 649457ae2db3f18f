# `from helpers import X` and `import helpers` side by side, plus a module that imports another.
from helpers import shout, describe
import helpers
import mathutil
from mathutil import square


def main(argv: list[str]) -> int:
    print(shout(helpers.GREETING))
    print(helpers.shout("again"), helpers.SCALE)
    print(helpers.scale(7), describe([4, 5, 6]))
    print(mathutil.scaled_sum([1, 2, 3]), square(12), mathutil.square(-3))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
