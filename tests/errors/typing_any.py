# expect: is not supported (only Optional, Callable, List, Dict, Tuple, Set, TextIO and IO are)
from typing import Any


def main(argv: list[str]) -> int:
    return 0
