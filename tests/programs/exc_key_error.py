# KeyError: str(e) is the repr of the key, for int and str keys, raised by dicts and by hand,
# and for a user subclass of KeyError.


class MissingSetting(KeyError):
    pass


def get(d: dict[str, int], k: str) -> int:
    return d[k]


def main(argv: list[str]) -> int:
    d = {"a": 1, "b": 2}
    for k in ["a", "c", "it's", "", "q\"uote"]:
        try:
            print(k, get(d, k))
        except KeyError as e:
            print("missing", str(e))
    di = {1: 10, -5: 50}
    for k2 in [1, 2, -5, -6]:
        try:
            print(k2, di[k2])
        except KeyError as e:
            print("missing", str(e))
    try:
        d.pop("zz")
    except KeyError as e:
        print("pop", str(e))
    try:
        raise KeyError("manual")
    except KeyError as e:
        print("manual", str(e))
    try:
        raise MissingSetting("timeout")
    except KeyError as e:
        print("subclass", str(e), isinstance(e, MissingSetting))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
