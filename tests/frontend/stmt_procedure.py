def greet(name: str) -> None:
    if not name:
        return
    print("hello", name)


def main(argv: list[str]) -> int:
    greet("")
    greet("seam")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
