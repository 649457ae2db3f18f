def main(argv: list[str]) -> int:
    xs = ["a", "bb", "ccc"]
    lengths = {w: len(w) for w in xs}
    sizes = {len(w) for w in xs if w != "bb"}
    print(lengths, sizes)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
