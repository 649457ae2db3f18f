# expect: an encoding other than UTF-8


def main(argv: list[str]) -> int:
    with open(argv[1], encoding="latin-1") as f:
        print(f.read())
    return 0
