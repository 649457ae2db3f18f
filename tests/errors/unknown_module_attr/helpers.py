# A helper module that defines VALUE but no missing_function.

VALUE = 1


def present() -> int:
    return VALUE
