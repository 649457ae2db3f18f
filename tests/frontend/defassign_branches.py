def pick(flag: bool) -> str:
    if flag:
        s = "yes"
    else:
        s = "no"
    return s


def main(argv: list[str]) -> int:
    print(pick(len(argv) > 1))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
