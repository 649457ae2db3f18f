# Dicts whose values are lists: grouping with setdefault, and list values shared by reference.


def group_by_length(words: list[str]) -> dict[int, list[str]]:
    groups: dict[int, list[str]] = {}
    for w in words:
        groups.setdefault(len(w), []).append(w)
    return groups


def main(argv: list[str]) -> int:
    words = "a bb cc ddd e fff gggg hh i".split()
    g = group_by_length(words)
    print(g)
    for length, members in g.items():
        print(length, len(members), members)
    index: dict[str, list[int]] = {}
    text = "to be or not to be that is the question to be"
    pos = 0
    for w in text.split():
        if w not in index:
            index[w] = []
        index[w].append(pos)
        pos += 1
    print(index)
    print(index["be"], index.get("nothing", [-1]))
    graph: dict[str, list[str]] = {"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": []}
    for node in graph:
        print(node, "->", graph[node])
    lst = graph["a"]
    lst.append("e")
    print(graph["a"])
    matrix: dict[str, dict[str, int]] = {"x": {"y": 1}, "z": {}}
    matrix["z"]["w"] = 2
    print(matrix)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
