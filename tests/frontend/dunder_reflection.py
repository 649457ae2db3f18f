class Money:
    cents: int

    def __init__(self, cents: int) -> None:
        self.cents = cents

    def __gt__(self, other: "Money") -> bool:
        return self.cents > other.cents

    def __le__(self, other: "Money") -> bool:
        return self.cents <= other.cents

    def __ne__(self, other: object) -> bool:
        return not isinstance(other, Money) or other.cents != self.cents


def main(argv: list[str]) -> int:
    a = Money(1)
    b = Money(2)
    print(a < b, a <= b, a >= b, a != b, max([a, b]).cents)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
