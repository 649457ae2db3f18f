# expect: sorting instances whose class defines no __lt__ is refused
class Box:
    pass


def main(argv: list[str]) -> int:
    print(len(sorted([Box(), Box()])))
    return 0
