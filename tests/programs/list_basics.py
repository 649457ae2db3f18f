# List displays and the mutating methods: append, pop, insert, extend, index.


def main(argv: list[str]) -> int:
    xs: list[int] = [10, 20, 30]
    print(xs, len(xs), xs[0], xs[-1], xs[-3])
    xs.append(40)
    print("append", xs)
    print("pop", xs.pop(), xs)
    print("pop(0)", xs.pop(0), xs)
    print("pop(-1)", xs.pop(-1), xs)
    xs.insert(0, 5)
    print("insert 0", xs)
    xs.insert(1, 7)
    print("insert 1", xs)
    xs.insert(100, 99)
    print("insert past end", xs)
    xs.insert(-1, 55)
    print("insert -1", xs)
    xs.insert(-100, 1)
    print("insert before start", xs)
    xs.extend([3, 2, 1])
    print("extend", xs)
    ys: list[int] = []
    ys.extend(xs)
    ys.extend([])
    print("ys", ys)
    print("index", xs.index(20), xs.index(1), xs.index(99))
    xs[0] = -1
    xs[-1] = -2
    print("assigned", xs)
    xs[2] += 100
    print("augmented", xs)
    empty: list[str] = []
    print(empty, len(empty))
    names = ["ada", "grace", "barbara"]
    names.append("frances")
    print(names, names.index("grace"))
    stack: list[int] = []
    for i in range(5):
        stack.append(i * i)
    while len(stack) > 0:
        print("stack pop", stack.pop())
    queue: list[str] = ["a", "b", "c"]
    while queue:
        print("queue pop", queue.pop(0))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
