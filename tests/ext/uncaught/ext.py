from main import CoreError, Engine, Holder


class Fatal(CoreError):
    pass


class Faulty(Engine):
    calls: int

    def __init__(self) -> None:
        self.calls = 0

    def start(self) -> str:
        self.calls += 1
        raise Fatal("engine failed on call " + str(self.calls))


def init_module(h: Holder) -> None:
    h.engine = Faulty()
