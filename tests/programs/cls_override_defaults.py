# An override with the same parameter types but different default values: a call through
# the base type uses the defaults of the method that actually runs, as in CPython.


class Greeter:
    def greet(self, name: str = "world", times: int = 1) -> str:
        return ("hello " + name + " ") * times


class Loud(Greeter):
    def greet(self, name: str = "WORLD", times: int = 2) -> str:
        return super().greet(name.upper(), times) + "!"


def main(argv: list[str]) -> int:
    gs: list[Greeter] = [Greeter(), Loud()]
    for g in gs:
        print(repr(g.greet()))
        print(repr(g.greet("ann")))
        print(repr(g.greet(times=3)))
        print(repr(g.greet("bo", 1)))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
