from main import DebugSpace, Limit, Node, Space, core_eval


class Bouncer(Node):
    space: Space
    caught: int

    def __init__(self, space: Space) -> None:
        self.space = space
        self.caught = 0

    def eval(self, depth: int) -> int:
        sp = self.space
        if isinstance(sp, DebugSpace):
            sp.trace.append("ext " + str(depth))
        if depth >= 5:
            return 1000
        if depth == -15:
            try:
                return core_eval(self, depth + 1)
            except Limit as e:
                self.caught += 1
                if isinstance(sp, DebugSpace):
                    sp.trace.append("ext saw limit " + str(e.at))
                raise
        return 1 + core_eval(self, depth + 1)


def init_module(space: Space) -> None:
    space.root = Bouncer(space)
    print("ext start:", core_eval(space.root, 1), isinstance(space, DebugSpace))
