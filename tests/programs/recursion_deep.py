# Deep recursion: an expression tree nested 100,000 deep, evaluated by
# virtual calls as an interpreter would, and a plain function recursing
# 200,000 deep. Translated programs run on a 256 MiB stack and manage it;
# CPython stops at its limit of 1,000 frames and raises RecursionError
# (a sanctioned difference: the expectations of the translated runs are in
# recursion_deep.translated_*). The stress run uses a small depth, where
# both agree.


class Expr:
    def eval(self) -> int:
        return 0


class Lit(Expr):
    value: int

    def __init__(self, value: int) -> None:
        self.value = value

    def eval(self) -> int:
        return self.value


class Add(Expr):
    left: Expr
    right: Expr

    def __init__(self, left: Expr, right: Expr) -> None:
        self.left = left
        self.right = right

    def eval(self) -> int:
        return self.left.eval() + self.right.eval()


def depth(n: int) -> int:
    if n == 0:
        return 0
    return depth(n - 1) + 1


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 100000
    tree: Expr = Lit(0)
    for i in range(n):
        tree = Add(tree, Lit(i % 7))
    try:
        print("tree:", tree.eval())
    except RecursionError as e:
        print("tree:", e)
    try:
        print("depth:", depth(2 * n))
    except RecursionError as e:
        print("depth:", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
