# expect: a file method Seam does not support


def main(argv: list[str]) -> int:
    f = open(argv[1])
    f.seek(0)
    return 0
