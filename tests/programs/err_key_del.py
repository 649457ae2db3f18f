# del of a missing key raises KeyError as well; the key contains a quote.


def main(argv: list[str]) -> int:
    d: dict[str, int] = {"it's": 1}
    del d["it's"]
    print("deleted once", d)
    del d["it's"]
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
