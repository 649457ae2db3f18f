# Subclasses of core classes overriding their dunder methods.
from main import Space, W_Root, W_Seq, W_Sym


class W_Int(W_Root):
    value: int

    def __init__(self, value: int) -> None:
        self.value = value

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return "W_Int(" + str(self.value) + ")"


class W_Keyword(W_Sym):
    """Equal to a symbol of the same name, printed with a colon, ordered backwards."""

    def __str__(self) -> str:
        return ":" + self.name

    def __repr__(self) -> str:
        return "W_Keyword(" + repr(self.name) + ")"

    def __eq__(self, other: object) -> bool:
        print("W_Keyword.__eq__", self.name)
        return isinstance(other, W_Sym) and self.name == other.name

    def __hash__(self) -> int:
        return hash(self.name)

    def __lt__(self, other: W_Sym) -> bool:
        return self.name > other.name


class W_List(W_Seq):
    items: list[int]

    def __init__(self, items: list[int]) -> None:
        self.items = items

    def __len__(self) -> int:
        return len(self.items)


def init_module(space: Space) -> None:
    space.values.append(W_Int(7))
    space.values.append(W_Keyword("k"))
    space.values.append(W_Sym("s"))
    space.syms.append(W_Keyword("x"))
    space.syms.append(W_Sym("y"))
    space.syms.append(W_Keyword("a"))
    space.seqs.append(W_List([1, 2, 3]))
    space.seqs.append(W_List([]))
    space.seqs.append(W_Seq())
    print("ext sees", W_Int(1), W_Keyword("q") == W_Sym("q"), len(W_List([4])))
