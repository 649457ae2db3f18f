# A module that imports the entry module by its stem: there is only one copy of
# `main`, so the counter it bumps is the one main prints.
import main
from main import double


def run(n: int) -> int:
    total = 0
    for i in range(n):
        total += double(main.bump())
    return total
