# expect: a class attribute that is not a literal constant


class Registry:
    items: list[int] = []


def main(argv: list[str]) -> int:
    print(Registry.items)
    return 0
