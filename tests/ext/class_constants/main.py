# Class constants and @final methods across the boundary: an extension
# subclass overrides a core class's constants, and core code reading them
# through an instance sees the extension's values; inherited @final methods
# run the core's code on extension objects.
from seam import export, final, load_extension


@export
class Token:
    KIND = "token"
    PRIORITY = 0
    WEIGHT = 1.5
    GROUPED = False

    text: str

    def __init__(self, text: str) -> None:
        self.text = text

    @final
    def show(self) -> str:
        return f"{self.KIND}:{self.text}:{self.PRIORITY}:{self.WEIGHT}:{self.GROUPED}"

    def describe(self) -> str:
        return "core describes " + self.show()


@export
class Op(Token):
    KIND = "op"
    PRIORITY = 5


@export
class Stream:
    tokens: list[Token]

    def __init__(self) -> None:
        self.tokens = [Token("t"), Op("+")]


def main(argv: list[str]) -> int:
    s = Stream()
    load_extension("ext", s)
    for t in s.tokens:
        print(t.show(), "|", t.describe(), "|", t.KIND, t.PRIORITY, t.WEIGHT, t.GROUPED)
    return 0
