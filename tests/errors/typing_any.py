# expect: is not supported (only Optional, Callable, List, Dict, Tuple and Set are)
from typing import Any


def main(argv: list[str]) -> int:
    return 0
