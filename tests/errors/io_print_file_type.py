# expect: print to something that is not a file


def main(argv: list[str]) -> int:
    print("x", file="out.txt")
    return 0
