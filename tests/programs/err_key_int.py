# A missing int key raises KeyError whose message is the key's repr.


def main(argv: list[str]) -> int:
    squares: dict[int, int] = {}
    for i in range(5):
        squares[i] = i * i
    print(squares)
    del squares[2]
    print(squares[3], squares[4])
    print(squares[2])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
