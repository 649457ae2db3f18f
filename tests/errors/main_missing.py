# expect: an entry module without main


def helper(argv: list[str]) -> int:
    return 0
