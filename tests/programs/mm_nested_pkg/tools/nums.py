# tools.nums, which uses the sub-package through a from-import.
from tools.text.case import snake


def describe(n: int) -> str:
    return snake("NumberIs") + "_" + str(n)
