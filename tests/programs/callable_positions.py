"""Function values in every position: tuples, optional fields, globals reassigned,
returned from functions, variance, defaults filled in, methods bound to subclasses."""

import typing
from typing import Callable, Optional


class Animal:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def speak(self, times: int) -> str:
        return self.name + " ..." * times


class Dog(Animal):
    def speak(self, times: int) -> str:
        return self.name + " woof" * times


class Puppy(Dog):
    def speak(self, times: int) -> str:
        return self.name + " yip" * times


class Pipeline:
    stages: list[Callable[[int], int]]
    on_done: Optional[Callable[[int], None]]

    def __init__(self) -> None:
        self.stages = []
        self.on_done = None

    def add(self, f: Callable[[int], int]) -> "Pipeline":
        self.stages.append(f)
        return self

    def run(self, x: int) -> int:
        for s in self.stages:
            x = s(x)
        if self.on_done is not None:
            self.on_done(x)
        return x


def double(x: int) -> int:
    return 2 * x


def shift(x: int, by: int = 3) -> int:
    return x + by


def report(x: int) -> None:
    print("done with", x)


def name_of(a: Animal) -> str:
    return a.name


def describe_dog(f: Callable[[Dog], str], d: Dog) -> str:
    # A function taking any Animal will do where one taking a Dog is expected.
    return "<" + f(d) + ">"


def make_adder(which: int) -> Callable[[int], int]:
    if which == 0:
        return double
    return shift


def pick(animals: list[Animal]) -> list[Callable[[int], str]]:
    out: list[Callable[[int], str]] = []
    for a in animals:
        out.append(a.speak)
    return out


current: typing.Callable[[int], int] = double


def set_current(f: Callable[[int], int]) -> None:
    global current
    current = f


def main(argv: list[str]) -> int:
    p = Pipeline().add(double).add(shift).add(make_adder(0))
    print(p.run(1))
    p.on_done = report
    print(p.run(10))
    pair: tuple[Callable[[int], int], str] = (shift, "shift")
    print(pair[1], pair[0](4))
    print(describe_dog(name_of, Puppy("rex")))
    speakers = pick([Animal("cat"), Dog("fido"), Puppy("bit")])
    for sp in speakers:
        print(sp(2))
    a: Animal = Puppy("late")
    bound = a.speak
    print(bound(1))
    print(current(5))
    set_current(shift)
    print(current(5))
    maybe: Optional[Callable[[int], int]] = None
    for i in range(2):
        if maybe is None:
            print("no function yet")
            maybe = make_adder(1)
        else:
            print("now", maybe(i))
    table: dict[str, tuple[Callable[[int], int], int]] = {"d": (double, 1), "s": (shift, 2)}
    for k in sorted(table.keys()):
        f, arg = table[k]
        print(k, f(arg))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
