# expect: dict.update with keyword arguments


def main(argv: list[str]) -> int:
    d = {"a": 1}
    d.update({"b": 2}, c=3)
    return 0
