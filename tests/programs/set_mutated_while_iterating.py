# A set changed by the loop that iterates it: CPython checks only the size
# ("Set changed size during iteration"); a removal and an addition in one
# step go unnoticed, and the loop walks the table slots as they now are.


def main(argv: list[str]) -> int:
    s = {1, 2, 3}
    seen: list[int] = []
    for x in s:
        seen.append(x)
        if x == 1:
            s.discard(2)
            s.add(10)
    print("discard+add", seen, sorted(s))
    s = {1, 2, 3}
    seen = []
    for x in s:
        seen.append(x)
        if x == 2:
            s.discard(3)
            s.add(3)
    print("readd", seen, sorted(s))
    s = {8, 16, 24}
    seen = []
    for x in s:
        seen.append(x)
        if x == 8:
            s.discard(8)
            s.add(32)
    print("same slot", seen, sorted(s))
    s = {1, 2, 3}
    seen = []
    try:
        for x in s:
            seen.append(x)
            s.add(x + 100)
    except RuntimeError as e:
        print("grow:", e, seen, sorted(s))
    s = {1, 2, 3}
    seen = []
    try:
        for x in s:
            seen.append(x)
            s.discard(3)
    except RuntimeError as e:
        print("shrink:", e, seen, sorted(s))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
