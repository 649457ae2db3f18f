from seam import Exported, export


@export
class W_Object:
    def repr(self) -> str:
        return "<obj>"

    def truthy(self) -> bool:
        return True


@export
class W_Int(W_Object):
    value: int

    def __init__(self, value: int) -> None:
        self.value = value

    def repr(self) -> str:
        return str(self.value)

    def truthy(self) -> bool:
        return self.value != 0


CREATED: Exported[int] = 0


@export
def wrap(n: int) -> W_Int:
    global CREATED
    CREATED += 1
    return W_Int(n)
