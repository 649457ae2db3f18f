# The second layer: constructs mid's class, and a subclass of it.
from main import Space
from mid import Mid


class Top(Mid):
    def show(self) -> str:
        return "Top " + super().show()


def init_module(space: Space) -> None:
    space.objs.append(Mid(3, extra=4))
    space.objs.append(Top(5))
