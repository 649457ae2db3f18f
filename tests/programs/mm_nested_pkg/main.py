# Nested packages: `import tools.text.case` and `from tools.nums import describe`.
import tools.text.case
from tools.nums import describe


def main(argv: list[str]) -> int:
    for name in ["HelloWorld", "XMLHttpRequest", "already_snake", "A"]:
        print(name, "->", tools.text.case.snake(name))
    print(describe(5))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
