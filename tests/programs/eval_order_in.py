# `x in y` and `x not in y` evaluate x before y (list, dict, str, dict views),
# which decides both the order of side effects and which exception escapes.


log: list[str] = []


def f(tag: str) -> int:
    print(tag)
    log.append(tag)
    return 1


def h(tag: str) -> list[int]:
    print(tag)
    log.append(tag)
    return [1]


def ds(tag: str) -> dict[str, int]:
    log.append(tag)
    return {"a": 1}


def s(tag: str) -> str:
    log.append(tag)
    return tag


counter = 0


def bump() -> int:
    global counter
    counter += 1
    return counter


def upto() -> list[int]:
    global counter
    counter += 10
    return [1, 2, 3, 11]


def main(argv: list[str]) -> int:
    print(f("left") in h("right"))
    print(f("left2") not in h("right2"))
    print(s("a") in ds("dict"), s("zz") not in ds("dict2"))
    print(s("b") in s("abc"), s("q") in ds("d3").keys())
    print(f("v") in ds("d4").values())
    print(log)
    # The item's value is taken before the container is evaluated.
    print(bump() in upto(), counter)
    text = "2.5"
    xs = [1]
    try:
        print(int(text) in xs[[0][5]:])
    except ValueError as e:
        print("ValueError", str(e))
    except IndexError as e:
        print("IndexError", str(e))
    try:
        print("abc"[9] not in {"k": [0][7]})
    except IndexError as e:
        print("IndexError", str(e))
    # In a chain, each operand once, left to right.
    print(f("c1") in h("c2") in [[1], [2]])
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
