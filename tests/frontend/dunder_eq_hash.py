class Key:
    k: int

    def __init__(self, k: int) -> None:
        self.k = k

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Key) and other.k == self.k


class HashedKey(Key):
    def __hash__(self) -> int:
        return self.k


def main(argv: list[str]) -> int:
    d: dict[HashedKey, str] = {HashedKey(1): "one"}
    print(Key(1) == Key(1), Key(1) != Key(2), d[HashedKey(1)], hash(HashedKey(7)))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
