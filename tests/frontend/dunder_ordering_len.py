class Version:
    major: int

    def __init__(self, major: int) -> None:
        self.major = major

    def __lt__(self, other: "Version") -> bool:
        return self.major < other.major

    def __repr__(self) -> str:
        return f"v{self.major}"


class Bag:
    items: list[int]

    def __init__(self) -> None:
        self.items = []

    def __len__(self) -> int:
        return len(self.items)


def main(argv: list[str]) -> int:
    vs = [Version(3), Version(1)]
    print(sorted(vs), Version(1) < Version(2), Version(5) > Version(4), min(vs))
    b = Bag()
    print(len(b), "empty" if not b else "full")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
