# expect: Sealed is @final in the core: an extension cannot subclass it
from main import Sealed, Space


class Unsealed(Sealed):
    def kind(self) -> str:
        return "unsealed"


def init_module(space: Space) -> None:
    print(Unsealed().kind())
