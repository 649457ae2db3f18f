# Hand-written sorting algorithms checked against sorted().


def bubble(xs: list[int]) -> list[int]:
    a = xs.copy()
    n = len(a)
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swapped = True
        if not swapped:
            break
    return a


def insertion(xs: list[int]) -> list[int]:
    a = xs.copy()
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a


def merge_sort(xs: list[int]) -> list[int]:
    if len(xs) <= 1:
        return xs.copy()
    mid = len(xs) // 2
    left = merge_sort(xs[:mid])
    right = merge_sort(xs[mid:])
    out: list[int] = []
    i = 0
    j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def quicksort(a: list[int], lo: int, hi: int) -> None:
    if lo >= hi:
        return
    pivot = a[(lo + hi) // 2]
    i = lo
    j = hi
    while i <= j:
        while a[i] < pivot:
            i += 1
        while a[j] > pivot:
            j -= 1
        if i <= j:
            tmp = a[i]
            a[i] = a[j]
            a[j] = tmp
            i += 1
            j -= 1
    quicksort(a, lo, j)
    quicksort(a, i, hi)


def words_sort(ws: list[str]) -> list[str]:
    a = ws.copy()
    for i in range(1, len(a)):
        k = i
        while k > 0 and a[k - 1] > a[k]:
            a[k - 1], a[k] = a[k], a[k - 1]
            k -= 1
    return a


def main(argv: list[str]) -> int:
    seed = 42
    data: list[int] = []
    for i in range(60):
        seed = (seed * 1103515245 + 12345) % 2147483648
        data.append(seed % 199 - 99)
    print(data)
    expect = sorted(data)
    print(expect)
    print("bubble", bubble(data) == expect)
    print("insertion", insertion(data) == expect)
    print("merge", merge_sort(data) == expect)
    q = data.copy()
    quicksort(q, 0, len(q) - 1)
    print("quick", q == expect)
    print(merge_sort([]), merge_sort([1]), bubble([2, 1]), insertion([3, 3, 1]))
    ws = "pear fig apple banana cherry date elderberry apple".split()
    print(words_sort(ws), words_sort(ws) == sorted(ws))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
