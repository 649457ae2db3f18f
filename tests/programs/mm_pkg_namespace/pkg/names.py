# Another module of the namespace package.

NAMES: list[str] = ["square", "rectangle"]


def label(i: int) -> str:
    return NAMES[i % len(NAMES)]
