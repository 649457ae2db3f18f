# Truth testing of int, float, str, list and dict in conditions, and the
# value-returning `and`/`or` on same-typed operands.


def describe_int(n: int) -> str:
    if n:
        return "truthy"
    return "falsy"


def describe_str(s: str) -> str:
    if not s:
        return "empty"
    return "non-empty"


def main(argv: list[str]) -> int:
    for n in [0, 1, -1, 42]:
        print(n, describe_int(n))
    for s in ["", "a", " ", "0"]:
        print(repr(s), describe_str(s))
    xs: list[int] = []
    if xs:
        print("xs non-empty")
    else:
        print("xs empty")
    xs.append(0)
    if xs:
        print("xs non-empty now", xs)
    d: dict[str, int] = {}
    print("d truthy" if d else "d falsy")
    d["k"] = 0
    print("d truthy" if d else "d falsy")
    v = 0.0
    while not v:
        v = v + 0.5
    print("v", v)
    print(0 or 5, 3 or 5, 0 and 5, 3 and 5)
    print("" or "default", "given" or "default", "" and "x", "a" and "b")
    name = ""
    shown = name or "anonymous"
    print(shown)
    stack: list[int] = [1, 2, 3]
    while stack:
        print("pop", stack.pop())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
