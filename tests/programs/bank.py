# A bank-account simulation driven by a list of textual commands, with
# accounts in dicts, a transaction log and overdraft rules.

accounts: dict[str, int] = {}
owners: dict[str, str] = {}
history: dict[str, list[str]] = {}
next_id: int = 1000
OVERDRAFT = 50


def open_account(owner: str, initial: int) -> str:
    global next_id
    acc = "AC" + str(next_id)
    next_id += 1
    accounts[acc] = initial
    owners[acc] = owner
    history[acc] = ["open " + str(initial)]
    return acc


def deposit(acc: str, amount: int) -> str:
    if acc not in accounts:
        return "no such account " + acc
    if amount <= 0:
        return "invalid amount " + str(amount)
    accounts[acc] += amount
    history[acc].append("deposit " + str(amount))
    return "ok"


def withdraw(acc: str, amount: int) -> str:
    if acc not in accounts:
        return "no such account " + acc
    if accounts[acc] - amount < -OVERDRAFT:
        history[acc].append("refused " + str(amount))
        return "insufficient funds"
    accounts[acc] -= amount
    history[acc].append("withdraw " + str(amount))
    return "ok"


def transfer(src: str, dst: str, amount: int) -> str:
    if dst not in accounts:
        return "no such account " + dst
    r = withdraw(src, amount)
    if r != "ok":
        return r
    return deposit(dst, amount)


def close(acc: str) -> str:
    if acc not in accounts:
        return "no such account " + acc
    balance = accounts.pop(acc)
    owners.pop(acc)
    return f"closed with {balance}"


def apply_interest(rate_percent: int) -> None:
    for acc in accounts:
        bal = accounts[acc]
        if bal > 0:
            interest = bal * rate_percent // 100
            accounts[acc] = bal + interest
            history[acc].append("interest " + str(interest))


def report() -> None:
    total = 0
    for acc, bal in accounts.items():
        print(f"  {acc} {owners[acc]}: {bal}")
        total += bal
    print("  total", total, "accounts", len(accounts))


def main(argv: list[str]) -> int:
    alice = open_account("alice", 100)
    bob = open_account("bob", 20)
    carol = open_account("carol", 0)
    commands = [
        "deposit " + alice + " 50",
        "withdraw " + bob + " 60",
        "withdraw " + bob + " 20",
        "transfer " + alice + " " + carol + " 75",
        "deposit " + carol + " -5",
        "transfer " + carol + " AC9999 1",
        "withdraw AC4242 1",
        "interest 10",
        "close " + bob,
        "deposit " + bob + " 1",
        "transfer " + carol + " " + alice + " 200",
        "transfer " + carol + " " + alice + " 100",
    ]
    for cmd in commands:
        parts = cmd.split()
        op = parts[0]
        result = ""
        if op == "deposit":
            result = deposit(parts[1], int(parts[2]))
        elif op == "withdraw":
            result = withdraw(parts[1], int(parts[2]))
        elif op == "transfer":
            result = transfer(parts[1], parts[2], int(parts[3]))
        elif op == "interest":
            apply_interest(int(parts[1]))
            result = "applied"
        elif op == "close":
            result = close(parts[1])
        print(cmd, "->", result)
    report()
    for acc in history:
        print(acc, history[acc])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
