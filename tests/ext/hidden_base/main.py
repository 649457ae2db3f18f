# An exported class whose base class is not exported: the extension cannot
# name the base, but it inherits the base's fields and methods through the
# exported class, reads and writes those fields, and overrides those methods;
# core code typed with the hidden base dispatches to the overrides.
from seam import export, load_extension


class Hidden:
    secret: int
    tags: list[str]

    def __init__(self, secret: int) -> None:
        self.secret = secret
        self.tags = []

    def reveal(self) -> str:
        return "hidden " + str(self.secret)

    def size(self) -> int:
        return len(self.tags)


@export
class Visible(Hidden):
    label: str

    def __init__(self, label: str) -> None:
        super().__init__(7)
        self.label = label

    def reveal(self) -> str:
        return "visible " + self.label + " / " + Hidden.reveal(self)


@export
class Space:
    items: list[Visible]

    def __init__(self) -> None:
        self.items = [Visible("core")]


def show(h: Hidden) -> str:
    return h.reveal() + " size=" + str(h.size()) + " secret=" + str(h.secret)


def main(argv: list[str]) -> int:
    space = Space()
    load_extension("ext", space)
    for v in space.items:
        print(show(v), v.tags, isinstance(v, Visible))
    return 0
