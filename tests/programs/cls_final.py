# @final methods and @final classes (from seam); they still behave as usual.
from seam import final


class Account:
    balance: int

    def __init__(self, balance: int) -> None:
        self.balance = balance

    @final
    def get_balance(self) -> int:
        return self.balance

    def fee(self) -> int:
        return 1

    @final
    def charge(self) -> int:
        # A final method that calls a virtual one.
        f = self.fee()
        self.balance -= f
        return f


class Premium(Account):
    def fee(self) -> int:
        return 0


@final
class Student(Account):
    school: str

    def __init__(self, balance: int, school: str) -> None:
        super().__init__(balance)
        self.school = school

    def fee(self) -> int:
        return 2

    def info(self) -> str:
        return self.school + ":" + str(self.get_balance())


@final
class Leaf:
    value: int

    def __init__(self, value: int) -> None:
        self.value = value

    def twice(self) -> int:
        return self.value * 2


def main(argv: list[str]) -> int:
    accts: list[Account] = [Account(10), Premium(20), Student(30, "MIT")]
    for a in accts:
        print(a.charge(), a.get_balance())
    for a in accts:
        a.charge()
        print(a.get_balance())
    s = Student(5, "ETH")
    s.charge()
    print(s.info())
    print(Leaf(21).twice())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
