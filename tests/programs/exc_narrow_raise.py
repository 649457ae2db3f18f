# Early raise narrows `C | None`; exceptions as control flow for lookups returning objects.
from typing import Optional


class Entry:
    key: str
    value: int

    def __init__(self, key: str, value: int) -> None:
        self.key = key
        self.value = value


class NotFound(Exception):
    pass


def find(entries: list[Entry], key: str) -> Optional[Entry]:
    for e in entries:
        if e.key == key:
            return e
    return None


def require(entries: list[Entry], key: str) -> Entry:
    e = find(entries, key)
    if e is None:
        raise NotFound("no entry " + key)
    return e


def value_of(entries: list[Entry], key: str) -> int:
    e = find(entries, key)
    if e is None:
        raise NotFound(key)
    e.value += 1
    return e.value


def main(argv: list[str]) -> int:
    entries = [Entry("a", 1), Entry("b", 2)]
    for k in ["a", "b", "c", "a"]:
        try:
            print(k, require(entries, k).value, value_of(entries, k))
        except NotFound as err:
            print("not found:", str(err))
    total = 0
    for k in ["a", "x", "b", "y"]:
        try:
            total += value_of(entries, k)
        except NotFound:
            total -= 100
    print(total)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
