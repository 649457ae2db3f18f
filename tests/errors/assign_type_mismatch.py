# expect: a str assigned to an int-annotated variable


def main(argv: list[str]) -> int:
    count: int = "three"
    return count
