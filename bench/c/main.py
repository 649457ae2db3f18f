"""A C call against a Seam call: `main.py MODE ROUNDS`, MODE one of `seam`,
`c` (a two-int function, each side's own), `seam-str`, `c-str` (a function of
one str, which crosses to C without a copy)."""

import seam
from seam import c_function

seam.c_library(sources=["glue.c"])


@c_function
def c_step(acc: int, i: int) -> int:
    raise NotImplementedError


@c_function
def c_text_len(s: str) -> int:
    raise NotImplementedError


def seam_step(acc: int, i: int) -> int:
    return (acc ^ i) + 1


def seam_text_len(s: str) -> int:
    return len(s) + 0


def main(argv: list[str]) -> int:
    mode = argv[1]
    rounds = int(argv[2])
    acc = 0
    words = ["alpha", "beta", "gamma", "delta"]
    if mode == "seam":
        for i in range(rounds):
            acc = seam_step(acc, i)
    elif mode == "c":
        for i in range(rounds):
            acc = c_step(acc, i)
    elif mode == "seam-str":
        for i in range(rounds):
            acc += seam_text_len(words[i & 3])
    elif mode == "c-str":
        for i in range(rounds):
            acc += c_text_len(words[i & 3])
    print(acc)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
