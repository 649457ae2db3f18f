# expect: declared fields that __init__ never assigns would read as zero when translated (CPython: AttributeError)
class C:
    x: int
    s: str
    xs: list[int]

    def __init__(self) -> None:
        pass


def main(argv: list[str]) -> int:
    c = C()
    print(c.x)
    return 0
