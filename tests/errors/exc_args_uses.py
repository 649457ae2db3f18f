# expect: e.args is only looked at: printed, converted to str, measured, tested, indexed in those
def main(argv: list[str]) -> int:
    try:
        raise ValueError("x")
    except ValueError as e:
        a = e.args
        print(e.args == ("x",))
        print(len(e.args[0]))
        print(f"{e.args:>20}")
        print(e.args[1:])
        for x in e.args:
            print(x)
    return 0
