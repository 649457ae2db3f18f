# expect: arithmetic on bools is a compile error


def main(argv: list[str]) -> int:
    flag = True
    total = flag + 1
    print(total)
    return 0
