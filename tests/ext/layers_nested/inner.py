from main import Space
from outer import Greeter, shout


class Inner(Greeter):
    def greet(self) -> str:
        return "inner over " + super().greet()


def init_module(space: Space) -> None:
    g: Greeter = Inner()
    space.log.append(shout(g.greet()) + " " + str(isinstance(g, Greeter)))
