# expect: __eq__ declared with another parameter type than object
class V:
    def __eq__(self, other: "V") -> bool:  # type: ignore[override]
        return True


def main(argv: list[str]) -> int:
    print(V() == V())
    return 0
