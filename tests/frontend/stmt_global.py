count = 0
names: list[str] = []


def bump(name: str) -> None:
    global count
    count += 1
    names.append(name)


def main(argv: list[str]) -> int:
    bump("a")
    bump("b")
    print(count, names)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
