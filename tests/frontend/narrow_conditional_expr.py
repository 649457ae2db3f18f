class Link:
    value: int
    next: "Link | None"

    def __init__(self, value: int, next: "Link | None") -> None:
        self.value = value
        self.next = next


def second(n: Link) -> int:
    return n.next.value if n.next is not None else -1


def main(argv: list[str]) -> int:
    print(second(Link(1, Link(2, None))), second(Link(3, None)))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
