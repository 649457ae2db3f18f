# expect: __eq__ must take 'other: object' (as mypy requires) and return bool
class Sym:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def __eq__(self, other: "Sym") -> bool:  # type: ignore[override]
        return self.name == other.name


def main(argv: list[str]) -> int:
    return 0
