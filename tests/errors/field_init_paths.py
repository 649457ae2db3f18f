# expect: a field assigned on some paths only, read before assignment, or assigned only in a loop
class Branchy:
    a: int

    def __init__(self, flag: bool) -> None:
        if flag:
            self.a = 1


class Early:
    a: int
    b: int

    def __init__(self) -> None:
        self.a = self.b + 1
        self.b = 2


class Looped:
    a: int

    def __init__(self, n: int) -> None:
        for i in range(n):
            self.a = i


class Returns:
    a: int

    def __init__(self, n: int) -> None:
        if n < 0:
            return
        self.a = n


def main(argv: list[str]) -> int:
    print(Branchy(True).a, Early().a, Looped(3).a, Returns(1).a)
    return 0
