# The entry module is importable by its file stem (`import main`, `from main import f`).
# Under plain `python3 main.py` the entry would run as __main__, a second copy of
# the module, so this output needs `seam py` (shim/bootstrap.py) or translation.
counter: int = 0


def bump() -> int:
    global counter
    counter += 1
    return counter


def double(x: int) -> int:
    return 2 * x


import plugin


def main(argv: list[str]) -> int:
    print("counter before", counter)
    print("plugin result", plugin.run(4))
    print("counter after", counter)
    bump()
    print("counter now", counter, plugin.run(1), counter)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
