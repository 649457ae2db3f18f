# expect: a non-empty format spec refused for a list


def main(argv: list[str]) -> int:
    xs = [1, 2]
    print(f"{xs:>10}")
    return 0
