# expect: a mode for open that is not a literal


def main(argv: list[str]) -> int:
    mode = "w"
    f = open(argv[1], mode)
    f.close()
    return 0
