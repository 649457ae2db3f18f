# expect: a backslash inside an f-string's braces: a SyntaxError in Python 3.11
def main(argv: list[str]) -> int:
    name = "x"
    print(f"{name + '\n'}")
    return 0
