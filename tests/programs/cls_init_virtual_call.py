# A base __init__ that calls virtual methods overridden by subclasses (the overrides only
# use what the base has already initialised), and a template-method pattern.


class Widget:
    name: str
    width: int
    log: list[str]

    def __init__(self, name: str) -> None:
        self.name = name
        self.log = []
        # Every field is assigned before `self` is used (see docs/language.md).
        self.width = 0
        self.width = self.default_width()
        self.log.append("init " + self.kind())

    def default_width(self) -> int:
        return 10

    def kind(self) -> str:
        return "widget"

    def render(self) -> str:
        return self.open() + self.body() + self.close()

    def open(self) -> str:
        return "["

    def body(self) -> str:
        return self.name + "." * (self.width - len(self.name))

    def close(self) -> str:
        return "]"


class Button(Widget):
    def default_width(self) -> int:
        return 6

    def kind(self) -> str:
        return "button"

    def open(self) -> str:
        return "<"

    def close(self) -> str:
        return ">"


class BigButton(Button):
    def default_width(self) -> int:
        return super().default_width() * 2

    def body(self) -> str:
        return super().body().upper()


def main(argv: list[str]) -> int:
    ws: list[Widget] = [Widget("text"), Button("ok"), BigButton("go")]
    for w in ws:
        print(w.render(), w.width, w.log)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
