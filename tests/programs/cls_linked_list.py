# A singly linked list of nodes with "Node | None" forward references.


class Node:
    value: int
    next: "Node | None"

    def __init__(self, value: int, next: "Node | None") -> None:
        self.value = value
        self.next = next


class LinkedList:
    head: Node | None
    size: int

    def __init__(self) -> None:
        self.head = None
        self.size = 0

    def push_front(self, v: int) -> None:
        self.head = Node(v, self.head)
        self.size += 1

    def push_back(self, v: int) -> None:
        n = Node(v, None)
        self.size += 1
        cur = self.head
        if cur is None:
            self.head = n
            return
        while cur.next is not None:
            cur = cur.next
        cur.next = n

    def to_list(self) -> list[int]:
        out: list[int] = []
        cur = self.head
        while cur is not None:
            out.append(cur.value)
            cur = cur.next
        return out

    def reverse(self) -> None:
        prev: Node | None = None
        cur = self.head
        while cur is not None:
            nxt = cur.next
            cur.next = prev
            prev = cur
            cur = nxt
        self.head = prev

    def remove(self, v: int) -> bool:
        prev: Node | None = None
        cur = self.head
        while cur is not None:
            if cur.value == v:
                if prev is None:
                    self.head = cur.next
                else:
                    prev.next = cur.next
                self.size -= 1
                return True
            prev = cur
            cur = cur.next
        return False

    def find(self, v: int) -> Node | None:
        cur = self.head
        while cur is not None:
            if cur.value == v:
                return cur
            cur = cur.next
        return None


def length(n: Node | None) -> int:
    if n is None:
        return 0
    return 1 + length(n.next)


def merge_sorted(a: Node | None, b: Node | None) -> Node | None:
    if a is None:
        return b
    if b is None:
        return a
    if a.value <= b.value:
        a.next = merge_sorted(a.next, b)
        return a
    b.next = merge_sorted(a, b.next)
    return b


def main(argv: list[str]) -> int:
    ll = LinkedList()
    for i in range(5):
        ll.push_front(i)
    ll.push_back(100)
    print(ll.to_list(), ll.size)
    ll.reverse()
    print(ll.to_list())
    print(ll.remove(3), ll.remove(42), ll.remove(100), ll.remove(0))
    print(ll.to_list(), ll.size, length(ll.head))
    f = ll.find(2)
    if f is not None:
        f.value = 20
    print(ll.to_list(), ll.find(7) is None)
    a = LinkedList()
    b = LinkedList()
    for v in [1, 4, 6, 9]:
        a.push_back(v)
    for v in [2, 3, 7, 10, 11]:
        b.push_back(v)
    m = LinkedList()
    m.head = merge_sorted(a.head, b.head)
    print(m.to_list(), length(m.head))
    big = LinkedList()
    for i in range(2000):
        big.push_front(i)
    big.reverse()
    total = 0
    cur = big.head
    while cur is not None:
        total += cur.value
        cur = cur.next
    print(total)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
