# Indexing a str past its end raises IndexError: string index out of range.


def main(argv: list[str]) -> int:
    s = "日本"
    print(s[0], s[1], s[-2])
    print(s[2])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
