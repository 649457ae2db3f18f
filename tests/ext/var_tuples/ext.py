from main import Path, Space, lengths


class Dotted(Path):
    def render(self) -> str:
        return ".".join(self.parts)

    def extend(self, more: tuple[str, ...]) -> Path:
        return Dotted(more + self.parts)


def init_module(space: Space) -> None:
    base = Path(("usr", "lib"))
    space.made.append(base)
    d = Dotted(tuple("abc"))
    space.made.append(d)
    print("ext sees", lengths(("one", "three")), sum(lengths(d.parts)))
