# expect: using an Optional[str] as a str without narrowing
from typing import Optional


def find(xs: list[str], prefix: str) -> Optional[str]:
    for x in xs:
        if x.startswith(prefix):
            return x
    return None


def main(argv: list[str]) -> int:
    found = find(["a", "b"], "b")
    print(len(found))
    return 0
