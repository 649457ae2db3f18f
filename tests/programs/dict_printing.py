# str/print of dicts and containers inside containers.


def main(argv: list[str]) -> int:
    empty: dict[str, int] = {}
    print(empty, str(empty), f"{empty}")
    print({"a": 1, "b": 2})
    print({1: "one", -2: "minus two"})
    print({"pi": 3.14, "e": 2.718, "big": 1e20, "neg": -0.0})
    print({"t": True, "f": False})
    print({"quote": "it's", "dq": 'say "x"', "nl": "a\nb"})
    print({"list": [1, 2], "empty": []})
    print({"nested": {"deep": {"deeper": 1}}})
    print([{"a": 1}, {}])
    pairs: dict[str, tuple[int, str]] = {"p": (1, "x"), "q": (2, "y")}
    print(pairs)
    s = str({"k": "v"})
    print(s, len(s))
    print(repr("x"), [repr("y")])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
