# Arbitrary-precision decimal arithmetic on digit lists (what int would overflow).


def to_digits(s: str) -> list[int]:
    out: list[int] = []
    i = len(s) - 1
    while i >= 0:
        out.append(ord(s[i]) - 48)
        i -= 1
    return out


def to_str(d: list[int]) -> str:
    s = ""
    i = len(d) - 1
    while i > 0 and d[i] == 0:
        i -= 1
    while i >= 0:
        s = s + chr(d[i] + 48)
        i -= 1
    return s


def add(a: list[int], b: list[int]) -> list[int]:
    out: list[int] = []
    carry = 0
    for i in range(max(len(a), len(b))):
        x = carry
        if i < len(a):
            x += a[i]
        if i < len(b):
            x += b[i]
        out.append(x % 10)
        carry = x // 10
    if carry:
        out.append(carry)
    return out


def mul_small(a: list[int], k: int) -> list[int]:
    out: list[int] = []
    carry = 0
    for d in a:
        x = d * k + carry
        out.append(x % 10)
        carry = x // 10
    while carry > 0:
        out.append(carry % 10)
        carry //= 10
    return out


def main(argv: list[str]) -> int:
    a = to_digits("99999999999999999999999999")
    b = to_digits("1")
    print(to_str(add(a, b)))
    f = to_digits("1")
    for k in range(1, 31):
        f = mul_small(f, k)
    print("30! =", to_str(f))
    x = to_digits("0")
    y = to_digits("1")
    for i in range(150):
        x, y = y, add(x, y)
    print("fib(150) =", to_str(x))
    p = to_digits("1")
    for j in range(100):
        p = mul_small(p, 2)
    print("2**100 =", to_str(p), len(to_str(p)))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
