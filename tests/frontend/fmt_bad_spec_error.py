# expect: a format spec CPython rejects for an int
def main(argv: list[str]) -> int:
    n = len(argv)
    print(f"{n:.2s}")
    return 0
