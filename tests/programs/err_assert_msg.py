# A failing assert with a message: AssertionError: message.


def main(argv: list[str]) -> int:
    balance = 10
    for amount in [3, 4, 5]:
        balance -= amount
        print("balance", balance)
        assert balance >= 0, f"overdrawn by {-balance}"
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
