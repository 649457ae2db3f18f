# Fields and method calls inside f-strings, str() of fields of every primitive type, and
# printing containers of field values.


class Record:
    id: int
    name: str
    score: float
    active: bool
    tags: list[str]
    meta: dict[str, int]
    pos: tuple[int, int]
    note: str | None

    def __init__(self, id: int, name: str, score: float) -> None:
        self.id = id
        self.name = name
        self.score = score
        self.active = id % 2 == 0
        self.tags = []
        self.meta = {}
        self.pos = (id, -id)
        self.note = None

    def title(self) -> str:
        return f"#{self.id} {self.name.upper()}"


def main(argv: list[str]) -> int:
    rs = [Record(1, "ann", 3.5), Record(2, "bob", 0.1 + 0.2), Record(10, "cy", 1e20)]
    rs[0].tags.append("x")
    rs[0].meta["k"] = 5
    rs[1].note = "hello"
    for r in rs:
        n = r.note
        note = n if n is not None else "-"
        print(f"{r.title()}: score={r.score} active={r.active} tags={r.tags} meta={r.meta} pos={r.pos} note={note}")
        print(r.id, r.name, r.score, r.active, r.tags, r.meta, r.pos, note)
        print(str(r.score) + "|" + str(r.active) + "|" + repr(r.name) + "|" + str(r.pos[0] + r.pos[1]))
    print(f"{len(rs[0].tags)}{rs[1].name}")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
