# expect: a binary mode for open (only text files are supported)


def main(argv: list[str]) -> int:
    f = open(argv[1], "rb")
    f.close()
    return 0
