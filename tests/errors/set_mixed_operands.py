# expect: unsupported operand types for |


def main(argv: list[str]) -> int:
    a = {1, 2}
    b = {"x"}
    print(a | b)
    return 0
