# expect: sys.argv and other sys attributes, and from-imports of sys


import sys
from sys import stdin


def main(argv: list[str]) -> int:
    print(sys.argv)
    print(sys.maxsize)
    return 0
