from main import Space, Visible


class Mine(Visible):
    def __init__(self) -> None:
        super().__init__("ext")
        self.secret = 99
        self.tags.append("mine")

    def reveal(self) -> str:
        return "mine, then " + super().reveal()

    def size(self) -> int:
        return 100 + Visible.size(self)


def init_module(space: Space) -> None:
    core = space.items[0]
    print("ext reads:", core.secret, core.tags, core.label, core.reveal(), core.size())
    core.secret = 8
    core.tags.append("touched")
    space.items.append(Mine())
