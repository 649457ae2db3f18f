# expect: a local assigned on one branch only, then read
def pick(flag: bool) -> str:
    if flag:
        s = "yes"
    return s


def main(argv: list[str]) -> int:
    print(pick(True))
    return 0
