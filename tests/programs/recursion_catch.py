# RecursionError is an ordinary exception: unbounded recursion, direct,
# mutual, through virtual calls or holding references, is caught by
# `except RecursionError`, `except RuntimeError` or `except Exception`, and
# the program goes on (and may recurse deeply again). The depth at which it
# is raised differs from CPython's; nothing printed depends on it.


class Node:
    def eval(self, n: int) -> int:
        return n


class Loop(Node):
    child: Node

    def __init__(self, child: Node) -> None:
        self.child = child

    def eval(self, n: int) -> int:
        return self.child.eval(n + 1) + 1


def deep(n: int) -> int:
    return deep(n + 1) + 1


def ping(n: int) -> int:
    return pong(n + 1) + 1


def pong(n: int) -> int:
    return ping(n + 1) + 1


def with_refs(s: str, xs: list[int], n: int) -> int:
    # Shadow-stack slots in every frame.
    return with_refs(s, xs, n + 1) + len(s) + len(xs)


cleanups = 0


def with_finally(n: int) -> int:
    global cleanups
    try:
        return with_finally(n + 1) + 1
    finally:
        cleanups += 1


def depth(n: int) -> int:
    if n == 0:
        return 0
    return depth(n - 1) + 1


def main(argv: list[str]) -> int:
    try:
        deep(0)
    except RecursionError as e:
        print("direct:", e)
    try:
        ping(0)
    except RuntimeError as e:
        print("mutual, as a RuntimeError:", e)
    loop = Loop(Node())
    loop.child = loop
    try:
        loop.eval(0)
    except Exception as e:
        print("virtual, as an Exception:", e)
    try:
        with_refs("abc", [1, 2], 0)
    except RecursionError as e:
        print("with references:", e)
    try:
        with_finally(0)
    except RecursionError as e:
        print("finally blocks ran:", cleanups > 100, e)
    for i in range(2):
        try:
            deep(i)
        except RecursionError:
            print("again", i)
    # The stack is whole again afterwards.
    print(depth(500))
    caught = False
    try:
        print(depth(400))
        deep(0)
    except RecursionError:
        caught = True
    finally:
        print("caught:", caught)
    print(isinstance(RecursionError("x"), RuntimeError))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
