# expect: comprehensions are not supported


def main(argv: list[str]) -> int:
    squares = [i * i for i in range(5)]
    print(squares)
    return 0
