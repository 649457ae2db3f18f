# A non-zero exit status with output that has no trailing newline.


def main(argv: list[str]) -> int:
    print("about to exit with", 42)
    print("no newline at the end", end="")
    return 42


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
