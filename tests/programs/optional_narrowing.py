# Optional str/list/dict values narrowed by `is not None`, `assert` and early return.
from typing import Optional


def find_word(words: list[str], prefix: str) -> Optional[str]:
    for w in words:
        if w.startswith(prefix):
            return w
    return None


def maybe_list(n: int) -> list[int] | None:
    if n < 0:
        return None
    result: list[int] = []
    for i in range(n):
        result.append(i)
    return result


def lookup(table: dict[str, dict[str, int]], key: str) -> dict[str, int] | None:
    if key in table:
        return table[key]
    return None


def length_or_zero(s: str | None) -> int:
    if s is None:
        return 0
    return len(s)


def shout(s: Optional[str]) -> str:
    assert s is not None
    return s.upper() + "!"


def main(argv: list[str]) -> int:
    words = ["apple", "banana", "cherry"]
    for prefix in ["b", "c", "z"]:
        found = find_word(words, prefix)
        if found is not None:
            print(prefix, "->", found, len(found))
        else:
            print(prefix, "-> nothing", found)
    for n in [3, 0, -1]:
        xs = maybe_list(n)
        if xs is None:
            print(n, "no list")
            continue
        xs.append(99)
        print(n, xs)
    table: dict[str, dict[str, int]] = {"a": {"x": 1}}
    inner = lookup(table, "a")
    if inner is not None:
        inner["y"] = 2
    print(table, lookup(table, "b"))
    print(length_or_zero("hello"), length_or_zero(None))
    print(shout("hey"))
    names: dict[str, str] = {"ada": "lovelace"}
    surname = names.get("ada")
    if surname is not None:
        print("surname", surname.upper())
    missing = names.get("bob")
    print("missing is None:", missing is None, missing)
    current: str | None = None
    for w in words:
        if current is None or len(w) > len(current):
            current = w
    print("longest", current)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
