# expect: constructor argument of the wrong type


class Named:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name


def main(argv: list[str]) -> int:
    n = Named(42)
    print(n.name)
    return 0
