# A sibling module that uses pkg.mod through an absolute import.
import pkg.mod


def g(x: int) -> int:
    return pkg.mod.f(x) + 1000
