# expect: a program without main
def helper() -> int:
    return 1
