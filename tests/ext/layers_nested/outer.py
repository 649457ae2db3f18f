from main import Space
from seam import export, load_extension


@export
class Greeter:
    def greet(self) -> str:
        return "outer"


@export
def shout(s: str) -> str:
    return s.upper()


def init_module(space: Space) -> None:
    space.log.append("outer starts")
    load_extension("inner", space)
    space.log.append("outer ends")
