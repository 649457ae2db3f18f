# raise / try / except E as e, with builtin exception classes and their messages.


def check_age(age: int) -> int:
    if age < 0:
        raise ValueError("age must be non-negative: " + str(age))
    if age > 150:
        raise OverflowError("age too large")
    return age


def main(argv: list[str]) -> int:
    for age in [30, -1, 200, 0]:
        try:
            print("ok", check_age(age))
        except ValueError as e:
            print("ValueError:", str(e))
        except OverflowError as e:
            print("OverflowError:", e)
    try:
        raise TypeError("wrong type")
    except TypeError as e:
        print("caught", str(e))
    try:
        raise RuntimeError("runtime")
    except Exception as e:
        print("caught as Exception:", str(e))
    try:
        raise ImportError("cannot import thing")
    except ImportError as e:
        print(e)
    try:
        raise IndexError("custom index message")
    except IndexError as e:
        print(str(e))
    try:
        raise AssertionError("explicit assertion")
    except AssertionError as e:
        print(str(e))
    try:
        raise ZeroDivisionError("manual zero")
    except ZeroDivisionError as e:
        print(str(e))
    try:
        raise Exception("plain")
    except Exception as e:
        print("plain:", str(e), "|", f"{e}")
    caught = False
    try:
        print("no exception here")
    except ValueError:
        caught = True
    print("caught?", caught)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
