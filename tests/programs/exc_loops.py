# Exceptions in loops; break and continue inside try/finally and try/except.


def main(argv: list[str]) -> int:
    log: list[str] = []
    for i in range(6):
        try:
            if i == 1:
                continue
            if i == 4:
                break
            if i == 2:
                raise ValueError("two")
            log.append("body " + str(i))
        except ValueError as e:
            log.append("caught " + str(e))
            continue
        finally:
            log.append("finally " + str(i))
        log.append("end " + str(i))
    print(log)

    total = 0
    errors = 0
    values = ["1", "x", "3", "", "5", "stop", "7"]
    i = 0
    while i < len(values):
        v = values[i]
        i += 1
        try:
            if v == "stop":
                break
            total += int(v)
        except ValueError:
            errors += 1
            continue
        finally:
            total += 1000
    print(total, errors, i)

    # Nested loops: break in the inner try leaves only the inner loop.
    out: list[int] = []
    for a in range(3):
        for b in range(5):
            try:
                if b == a + 1:
                    break
                out.append(a * 10 + b)
            finally:
                out.append(-1)
    print(out)

    # An exception escaping the loop through finally.
    seen: list[int] = []
    try:
        for k in range(10):
            try:
                if k == 3:
                    raise KeyError("k" + str(k))
                seen.append(k)
            finally:
                seen.append(100 + k)
    except KeyError as e:
        print("escaped with", str(e), seen)

    # Retry loop.
    attempts = 0
    while True:
        attempts += 1
        try:
            if attempts < 4:
                raise RuntimeError("flaky " + str(attempts))
            print("succeeded after", attempts)
            break
        except RuntimeError as e:
            print("retry:", str(e))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
