# tuple[T, ...] crosses the seam: an exported function taking and returning
# one, an exported class with a tuple[T, ...] field, and a method the
# extension overrides; the exports file describes the type as tuple[T, ...].
from seam import export, load_extension


@export
class Path:
    parts: tuple[str, ...]

    def __init__(self, parts: tuple[str, ...]) -> None:
        self.parts = parts

    def extend(self, more: tuple[str, ...]) -> "Path":
        return Path(self.parts + more)

    def render(self) -> str:
        return "/".join(self.parts)


@export
def lengths(parts: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(len(p) for p in parts)


@export
class Space:
    made: list[Path]

    def __init__(self) -> None:
        self.made = []


def main(argv: list[str]) -> int:
    space = Space()
    load_extension("ext", space)
    for p in space.made:
        print(p.render(), p.parts, lengths(p.parts))
        q = p.extend(("x", "yz"))
        print(q.render(), len(q.parts), q.parts[-1])
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
