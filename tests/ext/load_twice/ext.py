import main
from main import Space, Thing


def count_load() -> int:
    main.LOADS += 1
    return main.LOADS


LOAD_NUMBER: int = count_load()


class Widget(Thing):
    def kind(self) -> str:
        return "widget from load " + str(LOAD_NUMBER)


def init_module(space: Space) -> None:
    space.inits += 1
    space.objects.append(Widget())
    print("init_module ran, load", LOAD_NUMBER)
