# Exceptions raised and handled inside a finally block (and inside functions called from it)
# while another exception is propagating: the original one keeps propagating.


class A(Exception):
    pass


class B(Exception):
    pass


def noisy_cleanup(log: list[str]) -> None:
    try:
        raise B("cleanup problem")
    except B as e:
        log.append("handled " + str(e))


def work(log: list[str]) -> None:
    try:
        raise A("original")
    finally:
        try:
            raise B("inside finally")
        except B as e:
            log.append("finally handled " + str(e))
        noisy_cleanup(log)
        log.append("finally done")


def main(argv: list[str]) -> int:
    log: list[str] = []
    try:
        work(log)
    except A as e:
        log.append("caught " + str(e))
    except B as e:
        log.append("wrong " + str(e))
    print(log)
    log2: list[str] = []
    try:
        try:
            raise A("first")
        except A:
            noisy_cleanup(log2)
            raise
    except A as e:
        log2.append("re-raised " + str(e))
    print(log2)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
