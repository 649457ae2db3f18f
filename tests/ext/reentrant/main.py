# Calls that cross the boundary several times before returning: extension ->
# core -> extension -> core, with an exception raised at the innermost level
# unwinding through frames on both sides. init_module declares the base class
# and receives an instance of a core subclass.
from seam import export, load_extension


@export
class Node:
    def eval(self, depth: int) -> int:
        return depth


@export
class Space:
    root: Node

    def __init__(self) -> None:
        self.root = Node()


@export
class DebugSpace(Space):
    trace: list[str]

    def __init__(self) -> None:
        super().__init__()
        self.trace = []


@export
class Limit(Exception):
    at: int

    def __init__(self, at: int) -> None:
        super().__init__("limit reached at " + str(at))
        self.at = at


@export
def core_eval(n: Node, depth: int) -> int:
    if depth > 6 or depth == -10:
        raise Limit(depth)
    return 10 + n.eval(depth + 1)


def main(argv: list[str]) -> int:
    space = DebugSpace()
    load_extension("ext", space)
    print(core_eval(space.root, 0))
    try:
        print(core_eval(space.root, -20))
    except Limit as e:
        print("core caught:", e, e.at)
    print(space.trace)
    return 0
