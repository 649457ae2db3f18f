# expect: an int argument for a str parameter
def greet(name: str) -> str:
    return "hello " + name


def main(argv: list[str]) -> int:
    print(greet(42))
    return 0
