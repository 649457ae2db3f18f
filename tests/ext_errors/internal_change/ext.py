from main import Space, combine


class Louder(Space):
    def greet(self) -> str:
        return Space.greet(self).upper()


def init_module(space: Space) -> None:
    print("ext ran:", combine(1, 2), space.greet(), Louder("l").greet())
