# Iterating dicts: keys, items, values; updating values while iterating keys.


def main(argv: list[str]) -> int:
    prices: dict[str, float] = {"apple": 0.5, "bread": 2.25, "milk": 1.2}
    for item in prices:
        print(item, prices[item])
    for name, price in prices.items():
        print(f"{name}: {price}")
    for key in prices:
        prices[key] = prices[key] * 2
    print(prices)
    total = 0.0
    for p in prices.values():
        total += p
    print("total", total)
    squares: dict[int, int] = {}
    for i in range(1, 8):
        squares[i] = i * i
    odd_keys: list[int] = []
    for k, v in squares.items():
        if v % 2 == 1:
            odd_keys.append(k)
    print(odd_keys)
    for k2 in odd_keys:
        del squares[k2]
    print(squares)
    inverse: dict[int, int] = {}
    for a, b in squares.items():
        inverse[b] = a
    print(inverse)
    keys = list(squares.keys())
    keys.reverse()
    for k3 in keys:
        print(k3, squares[k3])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
