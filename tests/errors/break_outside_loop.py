# expect: break outside a loop


def main(argv: list[str]) -> int:
    if len(argv) > 1:
        break
    return 0
