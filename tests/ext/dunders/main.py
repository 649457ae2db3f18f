# Dunder methods cross the seam: an extension's subclasses override __eq__,
# __hash__, __str__, __repr__, __lt__ and __len__ of core classes, and the
# core's print, str, repr, ==, in, dict keys, sorted and len use them.
from seam import export, load_extension


@export
class W_Root:
    def __repr__(self) -> str:
        return "<root>"


@export
class W_Sym(W_Root):
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def __str__(self) -> str:
        return self.name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, W_Sym) and self.name == other.name

    def __hash__(self) -> int:
        return hash(self.name)

    def __lt__(self, other: "W_Sym") -> bool:
        return self.name < other.name


@export
class W_Seq(W_Root):
    def __len__(self) -> int:
        return 0


@export
class Space:
    values: list[W_Root]
    syms: list[W_Sym]
    seqs: list[W_Seq]

    def __init__(self) -> None:
        self.values = []
        self.syms = []
        self.seqs = []


def main(argv: list[str]) -> int:
    space = Space()
    space.values.append(W_Root())
    load_extension("ext", space)
    for v in space.values:
        print(v, str(v), repr(v))
    print(space.values)
    a = space.syms[0]
    b = space.syms[1]
    print(a == b, a != b, a == W_Sym("x"), W_Sym("x") == a)
    print(W_Sym("y") in space.syms)
    table: dict[W_Sym, int] = {}
    n = 0
    for s in space.syms:
        table[s] = n
        n += 1
    print(table)
    print(table[W_Sym("x")], W_Sym("zz") in table)
    print(sorted(space.syms), min(space.syms), max(space.syms))
    for q in space.seqs:
        print(len(q), "empty" if not q else "non-empty")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
