"""An interpreter's builtins as a table of functions, and bound methods dispatching virtually."""

from collections.abc import Callable


class W_Object:
    def show(self) -> str:
        return "?"


class W_Int(W_Object):
    value: int

    def __init__(self, value: int) -> None:
        self.value = value

    def show(self) -> str:
        return str(self.value)


class W_List(W_Object):
    items: list[W_Object]

    def __init__(self, items: list[W_Object]) -> None:
        self.items = items

    def show(self) -> str:
        parts: list[str] = []
        for x in self.items:
            parts.append(x.show())
        return "(" + " ".join(parts) + ")"


class InterpError(Exception):
    pass


def as_int(w: W_Object) -> int:
    if isinstance(w, W_Int):
        return w.value
    raise InterpError("not an int: " + w.show())


def b_add(args: list[W_Object]) -> W_Object:
    total = 0
    for a in args:
        total += as_int(a)
    return W_Int(total)


def b_list(args: list[W_Object]) -> W_Object:
    return W_List(list(args))


def b_len(args: list[W_Object]) -> W_Object:
    if len(args) != 1:
        raise InterpError("len takes one argument")
    a = args[0]
    if isinstance(a, W_List):
        return W_Int(len(a.items))
    raise InterpError("len of a non-list")


class Counter:
    count: int

    def __init__(self) -> None:
        self.count = 0

    def bump(self, args: list[W_Object]) -> W_Object:
        self.count += len(args)
        return W_Int(self.count)


class LoudCounter(Counter):
    def bump(self, args: list[W_Object]) -> W_Object:
        self.count += 100 * len(args)
        return W_Int(self.count)


def make_table(counter: Counter) -> dict[str, Callable[[list[W_Object]], W_Object]]:
    table: dict[str, Callable[[list[W_Object]], W_Object]] = {}
    table["+"] = b_add
    table["list"] = b_list
    table["len"] = b_len
    # Bound to the instance: the override of the instance's class runs.
    table["bump"] = counter.bump
    return table


def apply(table: dict[str, Callable[[list[W_Object]], W_Object]], name: str, args: list[W_Object]) -> str:
    try:
        f = table[name]
        return f(args).show()
    except InterpError as e:
        return "error: " + str(e)
    except KeyError:
        return "error: unbound " + name


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 2000
    for counter in [Counter(), LoudCounter()]:
        table = make_table(counter)
        print(apply(table, "+", [W_Int(1), W_Int(2), W_Int(3)]))
        print(apply(table, "list", [W_Int(1), W_List([W_Int(2)])]))
        print(apply(table, "len", [W_List([W_Int(1), W_Int(2)])]))
        print(apply(table, "len", [W_Int(1)]))
        print(apply(table, "+", [W_Int(1), W_List([])]))
        print(apply(table, "nope", []))
        print(apply(table, "bump", [W_Int(0), W_Int(0)]))
        print(apply(table, "bump", [W_Int(0)]))
    # Many short-lived bound methods whose receivers only they keep alive.
    fs: list[Callable[[list[W_Object]], W_Object]] = []
    for i in range(n):
        c = LoudCounter() if i % 2 == 0 else Counter()
        c.count = i
        fs.append(c.bump)
    total = 0
    for f in fs:
        w = f([W_Int(0)])
        total += as_int(w)
    print(total)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
