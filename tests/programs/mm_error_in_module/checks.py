# The error is raised in this module and escapes main.


def require_positive(x: int) -> int:
    if x <= 0:
        raise ValueError(f"expected a positive number, got {x}")
    return x
