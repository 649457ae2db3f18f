counter: int = 0
label: str = "before"
LIMIT = 99


def bump() -> None:
    global counter
    counter += 1
