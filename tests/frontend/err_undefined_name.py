# expect: a name defined nowhere
def main(argv: list[str]) -> int:
    print(undefined_thing)
    return 0
