# expect: reading a local that is unassigned on some path


def main(argv: list[str]) -> int:
    if len(argv) > 1:
        label = "args"
    print(label)
    return 0
