from seam import export

from interp.objects import W_Object


@export
class OperationError(Exception):
    w_value: W_Object

    def __init__(self, msg: str, w_value: W_Object) -> None:
        super().__init__(msg)
        self.w_value = w_value
