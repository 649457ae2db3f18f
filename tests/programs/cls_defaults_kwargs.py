# Methods and constructors with literal default values and keyword arguments.


class Rect:
    w: int
    h: int
    label: str
    filled: bool

    def __init__(self, w: int, h: int = 1, label: str = "rect", filled: bool = False) -> None:
        self.w = w
        self.h = h
        self.label = label
        self.filled = filled

    def render(self, ch: str = "#", border: bool = True) -> str:
        rows: list[str] = []
        for r in range(self.h):
            if self.filled or not border or r == 0 or r == self.h - 1:
                rows.append(ch * self.w)
            else:
                rows.append(ch + " " * (self.w - 2) + ch)
        return "\n".join(rows)

    def resized(self, dw: int = 0, dh: int = 0) -> "Rect":
        return Rect(self.w + dw, self.h + dh, label=self.label + "'", filled=self.filled)


class Labeled(Rect):
    def render(self, ch: str = "#", border: bool = True) -> str:
        return self.label + ":\n" + super().render(ch, border=border)


def main(argv: list[str]) -> int:
    a = Rect(4, 3)
    print(a.label, a.w, a.h, a.filled)
    print(a.render())
    print(a.render("o", border=False))
    b = Rect(3, label="b", filled=True, h=2)
    print(b.label, b.w, b.h, b.filled)
    print(b.render(ch="x"))
    c = a.resized(dh=1)
    print(c.label, c.w, c.h)
    print(c.render(border=True, ch="+"))
    d: Rect = Labeled(5, 3, "lab")
    print(d.render())
    print(d.render("="))
    print(Rect(2).render())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
