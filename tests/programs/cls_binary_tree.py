# A binary search tree: insertion, traversals, height, min/max, deletion.


class Tree:
    key: int
    left: "Tree | None"
    right: "Tree | None"

    def __init__(self, key: int) -> None:
        self.key = key
        self.left = None
        self.right = None

    def insert(self, key: int) -> None:
        if key < self.key:
            if self.left is None:
                self.left = Tree(key)
            else:
                self.left.insert(key)
        elif key > self.key:
            if self.right is None:
                self.right = Tree(key)
            else:
                self.right.insert(key)


def inorder(t: "Tree | None", out: list[int]) -> None:
    if t is None:
        return
    inorder(t.left, out)
    out.append(t.key)
    inorder(t.right, out)


def preorder(t: Tree | None) -> list[int]:
    if t is None:
        return []
    return [t.key] + preorder(t.left) + preorder(t.right)


def height(t: Tree | None) -> int:
    if t is None:
        return 0
    return 1 + max(height(t.left), height(t.right))


def contains(t: Tree | None, key: int) -> bool:
    cur = t
    while cur is not None:
        if key == cur.key:
            return True
        cur = cur.left if key < cur.key else cur.right
    return False


def min_key(t: Tree) -> int:
    cur = t
    while cur.left is not None:
        cur = cur.left
    return cur.key


def delete(t: Tree | None, key: int) -> Tree | None:
    if t is None:
        return None
    if key < t.key:
        t.left = delete(t.left, key)
        return t
    if key > t.key:
        t.right = delete(t.right, key)
        return t
    if t.left is None:
        return t.right
    if t.right is None:
        return t.left
    m = min_key(t.right)
    t.key = m
    t.right = delete(t.right, m)
    return t


def main(argv: list[str]) -> int:
    keys = [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30, 10]
    root = Tree(keys[0])
    for k in keys[1:]:
        root.insert(k)
    out: list[int] = []
    inorder(root, out)
    print(out)
    print(preorder(root))
    print(height(root), min_key(root), contains(root, 45), contains(root, 46))
    r: Tree | None = root
    for k in [30, 50, 10, 99]:
        r = delete(r, k)
        acc: list[int] = []
        inorder(r, acc)
        print("delete", k, acc, preorder(r), height(r))
    # A degenerate tree built in order, then a pseudo-random one.
    chain = Tree(0)
    for i in range(1, 200):
        chain.insert(i)
    print(height(chain))
    seed = 7
    rnd = Tree(500)
    for _ in range(300):
        seed = (seed * 1103515245 + 12345) % 2147483648
        rnd.insert(seed % 1000)
    acc2: list[int] = []
    inorder(rnd, acc2)
    print(len(acc2), acc2[:8], height(rnd))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
