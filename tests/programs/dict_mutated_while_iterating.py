# A dict changed by the loop that iterates it: CPython 3.11's two errors
# ("changed size", "keys changed") and, when neither is raised, exactly the
# entries CPython's iterator walks (which depends on when the storage is
# rebuilt and compacted).
from typing import Callable


def walk(name: str, d: dict[str, int], f: Callable[[dict[str, int], str], None]) -> None:
    seen: list[str] = []
    try:
        for k in d:
            seen.append(k)
            f(d, k)
        print(name, "ok", seen, d)
    except RuntimeError as e:
        print(name, "RuntimeError:", e, seen, d)


def abc() -> dict[str, int]:
    return {"a": 1, "b": 2, "c": 3}


def del_readd(d: dict[str, int], k: str) -> None:
    if k == "a":
        del d["a"]
        d["a"] = 9


def del_add_new(d: dict[str, int], k: str) -> None:
    if k == "a":
        del d["b"]
        d["z"] = 9


def del_other_readd(d: dict[str, int], k: str) -> None:
    if k == "b":
        del d["a"]
        d["a"] = 9


def pop_insert(d: dict[str, int], k: str) -> None:
    if k == "a":
        d.pop("c")
        d["x"] = 0


def popitem_insert(d: dict[str, int], k: str) -> None:
    if k == "b":
        d.popitem()
        d["x"] = 0


def popitem_twice_insert(d: dict[str, int], k: str) -> None:
    if k == "a":
        d.popitem()
        d.popitem()
        d["x"] = 0
        d["y"] = 0


def clear_refill(d: dict[str, int], k: str) -> None:
    if k == "a":
        d.clear()
        d["x"] = 1
        d["y"] = 2
        d["z"] = 3


def clear_update(d: dict[str, int], k: str) -> None:
    if k == "b":
        d.clear()
        d.update({"x": 1, "y": 2, "z": 3})


def grow_then_shrink(d: dict[str, int], k: str) -> None:
    if k == "a":
        for i in range(10):
            d[str(i)] = i
        for i in range(10):
            del d[str(i)]


def last_readd(d: dict[str, int], k: str) -> None:
    if k == "c":
        del d["c"]
        d["c"] = 5


def set_existing(d: dict[str, int], k: str) -> None:
    d[k] = d[k] * 10


def add_one(d: dict[str, int], k: str) -> None:
    if k == "b":
        d["new"] = 0


def delete_one(d: dict[str, int], k: str) -> None:
    if k == "b":
        del d["c"]


def rebuild_compacts(d: dict[str, int], k: str) -> None:
    # The append of "f" rebuilds the storage: the deleted entries vanish, "c"
    # moves down, and the loop's position now points past it.
    if k == "b":
        del d["a"]
        d["d"] = 4
        d["e"] = 5
        del d["d"]
        del d["e"]
        d["f"] = 6


def no_rebuild(d: dict[str, int], k: str) -> None:
    # The same without the rebuild: "c" is still ahead of the loop.
    if k == "b":
        del d["a"]
        d["d"] = 4
        del d["d"]
        d["f"] = 6


def main(argv: list[str]) -> int:
    cases: list[tuple[str, Callable[[dict[str, int], str], None]]] = [
        ("del_readd", del_readd),
        ("del_add_new", del_add_new),
        ("del_other_readd", del_other_readd),
        ("pop_insert", pop_insert),
        ("popitem_insert", popitem_insert),
        ("popitem_twice_insert", popitem_twice_insert),
        ("clear_refill", clear_refill),
        ("clear_update", clear_update),
        ("grow_then_shrink", grow_then_shrink),
        ("last_readd", last_readd),
        ("set_existing", set_existing),
        ("add_one", add_one),
        ("delete_one", delete_one),
        ("rebuild_compacts", rebuild_compacts),
        ("no_rebuild", no_rebuild),
    ]
    for name, f in cases:
        walk(name, abc(), f)

    # A copy clones the storage, deleted entries included, when at most a third
    # were deleted; otherwise it compacts. The loop over the copy shows which.
    for deleted in [1, 3]:
        big: dict[str, int] = {}
        for i in range(6):
            big["k" + str(i)] = i
        for i in range(deleted):
            del big["k" + str(i)]
        c = big.copy()
        seen: list[str] = []
        try:
            for k in c:
                seen.append(k)
                if len(seen) == 1:
                    del c[k]
                    c["n"] = -1
            print("copy", deleted, "ok", seen)
        except RuntimeError as e:
            print("copy", deleted, "RuntimeError:", e, seen)

    # The other ways of walking a dict check the same way.
    nums: dict[int, int] = {1: 10, 2: 20, 3: 30}
    try:
        for k2, v2 in nums.items():
            if k2 == 2:
                del nums[1]
                nums[1] = v2
    except RuntimeError as e:
        print("items:", e, nums)
    total = 0
    try:
        for v3 in nums.values():
            total += v3
            nums[99] = 0
    except RuntimeError as e:
        print("values:", e, total)
    squares = {1: 1, 2: 4, 3: 9}
    try:
        print([k4 for k4 in squares if squares.pop(k4) > 100])
    except RuntimeError as e:
        print("comprehension:", e, squares)
    squares = {1: 1, 2: 4, 3: 9}
    try:
        doubled = {k5: squares.setdefault(k5 + 10, 0) for k5 in squares}
        print(doubled)
    except RuntimeError as e:
        print("dict comprehension:", e, squares)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
