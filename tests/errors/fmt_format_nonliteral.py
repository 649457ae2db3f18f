# expect: str.format on a non-literal format string


def main(argv: list[str]) -> int:
    fmt = "{} {}"
    print(fmt.format(1, 2))
    return 0
