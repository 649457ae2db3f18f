def main(argv: list[str]) -> int:
    print("a", "b", sep="-", end="!\n")
    print()
    print(1, 2.5, True, None, "s", [1], {"k": (1, "v")})
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
