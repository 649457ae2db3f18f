# expect: a local assigned an int and then a str


def main(argv: list[str]) -> int:
    value = 1
    print(value)
    value = "one"
    print(value)
    return 0
