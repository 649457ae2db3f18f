# expect: len() of an instance whose class defines no __len__ is refused
class Box:
    pass


def main(argv: list[str]) -> int:
    print(len(Box()))
    return 0
