# Methods and fields whose names coincide with builtins and with list/dict/str methods
# (fields `next`, `type`, `id`, `len`; methods `append`, `pop`, `get`, `print`, ...):
# calls on user objects must reach the user's methods.


class Bag:
    items_: list[int]
    table: dict[str, int]
    text: str
    next: int
    type: str
    id: int
    len: int

    def __init__(self) -> None:
        self.items_ = []
        self.table = {}
        self.text = "bag"
        self.next = 1
        self.type = "Bag"
        self.id = 7
        self.len = 0

    def append(self, x: int) -> None:
        self.items_.append(x * 10)
        self.len += 1

    def pop(self) -> int:
        self.len -= 1
        return self.items_.pop() + 1

    def get(self, k: str, default: int) -> int:
        return self.table.get(k, default) * 2

    def keys(self) -> list[str]:
        return self.fmt_keys()

    def fmt_keys(self) -> list[str]:
        out: list[str] = []
        for k in self.table:
            out.append("k:" + k)
        return out

    def items(self) -> int:
        return len(self.table)

    def sort(self) -> str:
        return "not sorting"

    def print(self) -> None:
        print("Bag", self.items_, self.table, self.text, self.next, self.type, self.id, self.len)

    def split(self, sep: str) -> list[str]:
        return [self.text, sep]

    def join(self, parts: list[str]) -> str:
        return "+".join(parts)

    def upper(self) -> int:
        return 42

    def index(self, x: int) -> int:
        return -x

    def copy(self) -> "Bag":
        b = Bag()
        b.text = self.text + "-copy"
        return b


def main(argv: list[str]) -> int:
    b = Bag()
    b.append(1)
    b.append(2)
    b.table["x"] = 3
    print(b.pop(), b.get("x", 0), b.get("y", 5), b.keys(), b.items(), b.sort())
    b.print()
    print(b.split(","), b.join(["a", "b"]), b.upper(), b.index(3), b.copy().text)
    b.next += 1
    b.text = b.text.upper()
    b.print()
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
