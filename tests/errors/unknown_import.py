# expect: importing a module outside the program, seam and typing
import os


def main(argv: list[str]) -> int:
    print("hi")
    return 0
