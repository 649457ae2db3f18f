def main(argv: list[str]) -> int:
    d: dict[str, int] = {"a": 1, "b": 2}
    for k in d:
        print(k)
    for k, v in d.items():
        print(k, v)
    for v in d.values():
        print(v)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
