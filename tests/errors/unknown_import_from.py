# expect: from-importing a standard library module
from collections import OrderedDict


def main(argv: list[str]) -> int:
    return 0
