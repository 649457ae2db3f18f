# expect: is not supported (only annotations is)
from __future__ import division


def main(argv: list[str]) -> int:
    return 0
