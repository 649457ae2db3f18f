# expect: e.args is refused (its elements have no one static type)
def main(argv: list[str]) -> int:
    try:
        raise ValueError("x")
    except ValueError as e:
        print(e.args)
    return 0
