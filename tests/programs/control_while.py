# while loops with break and continue, nested loops, loop-carried state.


def collatz_steps(n: int) -> int:
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def main(argv: list[str]) -> int:
    i = 0
    while i < 10:
        i += 1
        if i % 3 == 0:
            continue
        if i == 8:
            break
        print("i", i)
    print("after loop i =", i)
    n = 0
    while True:
        n += 1
        if n * n > 200:
            break
    print("first square over 200:", n * n)
    for start in [1, 6, 7, 27, 97]:
        print("collatz", start, collatz_steps(start))
    row = 0
    while row < 4:
        col = 0
        line = ""
        while col < 4:
            if col > row:
                break
            line = line + str(row * col) + " "
            col += 1
        print(line)
        row += 1
    found = -1
    a = 1
    while a < 30 and found < 0:
        b = a
        while b < 30:
            c2 = a * a + b * b
            c = 1
            while c * c < c2:
                c += 1
            if c * c == c2 and c < 30:
                print("triple", a, b, c)
                if a > 6:
                    found = a
                    break
            b += 1
        a += 1
    print("found", found)
    countdown = 5
    while countdown:
        print("countdown", countdown)
        countdown -= 1
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
