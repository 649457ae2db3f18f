# expect: CPython refuses to compile return and yield outside a function, and break outside a loop, even in the main guard
def main(argv: list[str]) -> int:
    print("ok")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
    return 5
    yield 3
    break
