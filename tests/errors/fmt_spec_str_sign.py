# expect: an invalid literal spec refused for a str


def main(argv: list[str]) -> int:
    s = "a"
    print(f"{s:+}", "{:=5}".format(s))
    return 0
