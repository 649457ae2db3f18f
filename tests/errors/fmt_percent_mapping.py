# expect: '%(name)s' mapping keys refused


def main(argv: list[str]) -> int:
    d = {"a": 1}
    print("%(a)s" % d)
    return 0
