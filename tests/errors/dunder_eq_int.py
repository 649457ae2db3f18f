# expect: == between an instance and an int is refused (an object cannot hold an int)
class Box:
    def __eq__(self, other: object) -> bool:
        return True


def main(argv: list[str]) -> int:
    print(Box() == 3)
    return 0
