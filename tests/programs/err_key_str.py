# A missing str key raises KeyError: 'x' (quoted like repr).


def main(argv: list[str]) -> int:
    d: dict[str, str] = {"a": "apple", "b": "banana"}
    for k in ["a", "b"]:
        print(k, d[k])
    key = "x"
    print(d[key])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
