# expect: int / int is a float and cannot be stored in an int variable


def main(argv: list[str]) -> int:
    half: int = len(argv) / 2
    return half
