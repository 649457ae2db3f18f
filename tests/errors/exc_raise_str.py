# expect: raising a str


def main(argv: list[str]) -> int:
    raise "boom"
