# expect: an f-string whose braces hold its own quote: Python 3.12 syntax, a SyntaxError in 3.11 (found by seam-gen)
def main(argv: list[str]) -> int:
    name = "x"
    print(f"[{name + "!":>6}]")
    return 0
