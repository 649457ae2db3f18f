def length(s: str | None) -> int:
    if s:
        return len(s)
    return 0


def must(n: int | None) -> int:
    assert n is not None
    return n + 1


def main(argv: list[str]) -> int:
    print(length("ab"), length(None), must(4))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
