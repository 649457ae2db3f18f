# Conditional expressions, nested and as arguments.


def sign(n: int) -> str:
    return "negative" if n < 0 else "zero" if n == 0 else "positive"


def clamp(x: int, lo: int, hi: int) -> int:
    return lo if x < lo else hi if x > hi else x


def main(argv: list[str]) -> int:
    for n in [-5, 0, 7]:
        print(n, sign(n), clamp(n, -2, 3))
    x = 10
    y = x * 2 if x > 5 else x // 2
    print(y)
    label = "even" if x % 2 == 0 else "odd"
    print(label)
    xs = [1, 2] if x > 100 else [3, 4, 5]
    print(xs, len(xs) if xs else 0)
    f = 1.5 if x > 0 else 2.5
    print(f)
    print("fizz" if x % 3 == 0 else "buzz" if x % 5 == 0 else str(x))
    out = ""
    for i in range(1, 16):
        out = out + ("FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else str(i)) + " "
    print(out)
    calls: list[str] = []
    a = len(calls) if calls else -1
    print(a)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
