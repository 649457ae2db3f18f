# Integer arithmetic: + - * unary minus, precedence, floor division and modulo.


def show(label: str, value: int) -> None:
    print(label, "=", value)


def main(argv: list[str]) -> int:
    a = 17
    b = 5
    show("a + b", a + b)
    show("a - b", a - b)
    show("b - a", b - a)
    show("a * b", a * b)
    show("-a", -a)
    show("--a", -(-a))
    show("+a", +a)
    show("a // b", a // b)
    show("a % b", a % b)
    show("-a // b", -a // b)
    show("-a % b", -a % b)
    show("a // -b", a // -b)
    show("a % -b", a % -b)
    show("-a // -b", -a // -b)
    show("-a % -b", -a % -b)
    show("(-a) // b", (-a) // b)
    show("-(a // b)", -(a // b))
    show("0 // 7", 0 // 7)
    show("0 % 7", 0 % 7)
    show("-1 // 7", -1 // 7)
    show("-1 % 7", -1 % 7)
    show("6 // 3", 6 // 3)
    show("-6 // 3", -6 // 3)
    show("-6 % 3", -6 % 3)
    show("2 + 3 * 4", 2 + 3 * 4)
    show("(2 + 3) * 4", (2 + 3) * 4)
    show("2 * 3 ** 2", 2 * 3 ** 2)
    show("-2 ** 2", -2 ** 2)
    show("(-2) ** 2", (-2) ** 2)
    show("2 ** 3 ** 2", 2 ** 3 ** 2)
    show("100 - 10 - 1", 100 - 10 - 1)
    show("100 // 10 // 3", 100 // 10 // 3)
    show("7 - -3", 7 - -3)
    show("a * b % 7 + 1", a * b % 7 + 1)
    total = 0
    i = -10
    while i <= 10:
        total = total + i * i * i
        i += 1
    show("sum of cubes -10..10", total)
    x = 1
    for k in range(1, 16):
        x = x * k
    show("15!", x)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
