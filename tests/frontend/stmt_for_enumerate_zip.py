def main(argv: list[str]) -> int:
    names = ["a", "b"]
    ages = [1, 2]
    for i, name in enumerate(names):
        print(i, name)
    for name, age in zip(names, ages):
        print(name, age)
    for ch in "xy":
        print(ch)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
