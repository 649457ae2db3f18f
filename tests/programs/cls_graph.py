# Two classes referring to each other (Graph holds Vertex objects, a Vertex holds its edges
# as Vertex references); BFS and DFS over object references, cycle detection.


class Vertex:
    name: str
    edges: list["Vertex"]
    visited: bool
    dist: int
    parent: "Vertex | None"

    def __init__(self, name: str) -> None:
        self.name = name
        self.edges = []
        self.visited = False
        self.dist = -1
        self.parent = None


class Graph:
    vertices: dict[str, Vertex]
    order: list[Vertex]

    def __init__(self) -> None:
        self.vertices = {}
        self.order = []

    def vertex(self, name: str) -> Vertex:
        if name not in self.vertices:
            v = Vertex(name)
            self.vertices[name] = v
            self.order.append(v)
        return self.vertices[name]

    def edge(self, a: str, b: str) -> None:
        self.vertex(a).edges.append(self.vertex(b))

    def reset(self) -> None:
        for v in self.order:
            v.visited = False
            v.dist = -1
            v.parent = None

    def bfs(self, start: str) -> list[str]:
        self.reset()
        s = self.vertex(start)
        s.dist = 0
        s.visited = True
        queue = [s]
        seen: list[str] = []
        head = 0
        while head < len(queue):
            v = queue[head]
            head += 1
            seen.append(v.name + "@" + str(v.dist))
            for w in v.edges:
                if not w.visited:
                    w.visited = True
                    w.dist = v.dist + 1
                    w.parent = v
                    queue.append(w)
        return seen

    def path_to(self, name: str) -> list[str]:
        out: list[str] = []
        cur: Vertex | None = self.vertex(name)
        while cur is not None:
            out.insert(0, cur.name)
            cur = cur.parent
        return out

    def has_cycle(self) -> bool:
        state: dict[str, int] = {}
        for v in self.order:
            if v.name not in state and self.dfs_cycle(v, state):
                return True
        return False

    def dfs_cycle(self, v: Vertex, state: dict[str, int]) -> bool:
        state[v.name] = 1
        for w in v.edges:
            st = state.get(w.name, 0)
            if st == 1:
                return True
            if st == 0 and self.dfs_cycle(w, state):
                return True
        state[v.name] = 2
        return False


def main(argv: list[str]) -> int:
    g = Graph()
    for a, b in [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("e", "f"), ("c", "f")]:
        g.edge(a, b)
    print(g.bfs("a"))
    print(g.path_to("f"), g.path_to("e"), g.path_to("a"))
    print(g.bfs("d"), g.vertex("a").dist)
    print(g.has_cycle())
    g.edge("f", "b")
    print(g.has_cycle())
    print(len(g.order), g.vertex("f").edges[0] is g.vertex("b"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
