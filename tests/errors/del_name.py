# expect: del of a name (only del d[k] is supported)


def main(argv: list[str]) -> int:
    x = 1
    del x
    return 0
