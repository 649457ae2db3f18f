# Conditions of every shape where they steer control flow (if, elif, while,
# conditional expressions, assert) and where they are values: `is`/`is not
# None`, `not` (nested), `and`/`or` chains whose operands have side effects,
# comparisons of ints, floats (NaN included), strs and bools, truthiness of
# optionals, lists and strs, and conditional expressions used as conditions.


class Node:
    value: int
    next: "Node | None"

    def __init__(self, value: int, next: "Node | None") -> None:
        self.value = value
        self.next = next


log: list[str] = []


def say(name: str, value: bool) -> bool:
    log.append(name)
    return value


def flush(label: str) -> None:
    print(label, " ".join(log))
    log.clear()


def describe(node: "Node | None") -> str:
    if node is None:
        return "none"
    elif node.next is None:
        return "last " + str(node.value)
    elif not (node.next is not None and node.next.next is not None):
        return "second to last " + str(node.value)
    return "inner " + str(node.value)


def length(node: "Node | None") -> int:
    n = 0
    while node is not None:
        n += 1
        node = node.next
    return n


def total_while_not(node: "Node | None") -> int:
    total = 0
    while not (node is None):
        total += node.value
        node = node.next
    return total


def int_cases(a: int, b: int) -> str:
    out = ""
    out += "<" if a < b else "."
    out += "=" if a == b else "."
    out += "!" if a != b else "."
    out += ">" if a > b else "."
    out += "l" if not a >= b else "."
    out += "g" if not a <= b else "."
    out += "n" if not (a == b) else "."
    out += "e" if not a != b else "."
    return out


def float_cases(a: float, b: float) -> str:
    out = ""
    if a < b:
        out += "<"
    if not a < b:
        out += "!<"
    if a <= b:
        out += "<="
    if not a <= b:
        out += "!<="
    if a == b:
        out += "=="
    if not a == b:
        out += "!=="
    if a != b:
        out += "!="
    if not a != b:
        out += "!!="
    if a > b or a >= b:
        out += ">|>="
    if not (a > b or a >= b):
        out += "!(>|>=)"
    return out


def str_cases(a: str, b: str) -> str:
    out = ""
    if a < b and not a == b:
        out += "<"
    if a == b or not a:
        out += "=|empty"
    if not (a > b) and not (a < b):
        out += "same"
    if a >= b if a else b >= a:
        out += "ifelse"
    return out


def chains(x: int) -> None:
    if say("a", x > 0) and say("b", x > 1) and say("c", x > 2):
        log.append("then1")
    else:
        log.append("else1")
    if say("d", x > 0) or say("e", x > 1) or say("f", x > 2):
        log.append("then2")
    if not (say("g", x > 1) and say("h", x > 2)) or say("i", x == 5):
        log.append("then3")
    if (say("j", x > 0) or say("k", x < 0)) and not say("l", x == 2):
        log.append("then4")
    if say("m", x == 1) if say("n", x > 0) else say("o", x == -1):
        log.append("then5")
    v = say("p", x > 1) and not say("q", x > 3)
    w = not say("r", x > 1) or say("s", x == 0)
    log.append(str(v))
    log.append(str(w))
    flush("chains " + str(x) + ":")


def loops() -> None:
    i = 0
    j = 10
    while i < j and not i * i > 20:
        i += 1
        j -= 1
    print("loop1", i, j)
    k = 0
    while not k >= 5 or k == 7:
        k += 1
        if k == 5:
            k = 6
    print("loop2", k)
    count = 0
    while say("w", count < 3):
        count += 1
    flush("loop3 " + str(count) + ":")
    n = 0
    while True:
        n += 1
        if n > 4 and n % 3 == 0:
            break
    print("loop4", n)
    m = 0
    while False:
        m += 1
    print("loop5", m)


def truthiness(items: list[int], name: str, maybe: "Node | None") -> str:
    out = ""
    out += "L" if items else "l"
    out += "S" if name else "s"
    out += "M" if maybe else "m"
    out += "!" if not items and not name else "."
    if items and name and maybe is not None and maybe.value > 0:
        out += "+"
    return out


def asserts(x: int, node: "Node | None") -> str:
    try:
        assert x > 0 and node is not None, "needs a node and x > 0"
        assert not (x > 100), "x too big"
        return "ok " + str(node.value + x)
    except AssertionError as e:
        return "failed: " + str(e)


def flags(a: bool, b: bool) -> str:
    out = ""
    if a == b:
        out += "eq"
    if not a != b:
        out += "eq2"
    if a is not b:
        out += "ne"
    if not a and not not b:
        out += "!ab"
    return out


def main(argv: list[str]) -> int:
    chain = Node(1, Node(2, Node(3, None)))
    print(describe(None), "|", describe(chain), "|", describe(chain.next), "|")
    print(describe(chain.next.next if chain.next is not None else None))
    print("length", length(chain), length(None), total_while_not(chain))
    for a, b in [(1, 2), (2, 2), (3, 2), (-5, 7)]:
        print("int", a, b, int_cases(a, b))
    nan = float("nan")
    for fa, fb in [(1.0, 2.0), (2.0, 2.0), (3.0, 2.0), (nan, 1.0), (1.0, nan), (nan, nan)]:
        print("float", fa, fb, float_cases(fa, fb))
    for sa, sb in [("a", "b"), ("b", "b"), ("", "x"), ("c", "b"), ("", "")]:
        print("str", repr(sa), repr(sb), str_cases(sa, sb))
    for x in [0, 1, 2, 3, 5, -1]:
        chains(x)
    loops()
    print("truth", truthiness([], "", None), truthiness([1], "x", chain))
    print("truth", truthiness([1], "", Node(0, None)), truthiness([], "y", None))
    print(asserts(3, chain), "|", asserts(0, chain), "|", asserts(3, None), "|", asserts(200, chain))
    for fa2 in [False, True]:
        for fb2 in [False, True]:
            print("flags", fa2, fb2, flags(fa2, fb2))
    maybe: Node | None = chain.next
    found = maybe is not None
    absent = maybe is None
    print("values", found, absent, not found, not (maybe is None))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
