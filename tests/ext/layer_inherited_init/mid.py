# The first layer: an exported class with no __init__ of its own.
from main import Base, Space
from seam import export


@export
class Mid(Base):
    def show(self) -> str:
        return "Mid " + str(self.n)


def init_module(space: Space) -> None:
    space.objs.append(Mid(1))
