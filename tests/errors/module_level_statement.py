# expect: a bare statement at module level is not allowed

print("side effect at import")


def main(argv: list[str]) -> int:
    return 0
