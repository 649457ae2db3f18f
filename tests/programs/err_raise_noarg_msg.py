# Raising builtin exceptions with unusual messages: empty, non-ASCII.


def main(argv: list[str]) -> int:
    print("raising")
    if len(argv) > 5:
        raise KeyError("unused")
    raise NotImplementedError("não implementado — 日本")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
