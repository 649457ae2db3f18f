# expect: a generator expression outside the builtins that take one
def main(argv: list[str]) -> int:
    g = (x for x in [1, 2])
    print(g)
    return 0
