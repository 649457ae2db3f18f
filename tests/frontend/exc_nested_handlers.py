class Stop(Exception):
    pass


def work(n: int) -> int:
    total = 0
    for i in range(n):
        try:
            try:
                if i == 3:
                    raise Stop("stop at " + str(i))
                total += 10 // (i - 1)
            except ZeroDivisionError:
                total -= 1
        except Stop as s:
            print(s)
            break
        except Exception:
            raise
        finally:
            total += 1
    return total


def main(argv: list[str]) -> int:
    print(work(6))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
