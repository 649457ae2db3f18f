# expect: sys.exit used as a value, and with a message


import sys


def main(argv: list[str]) -> int:
    x = sys.exit(1)
    sys.exit("bye")
    return 0
