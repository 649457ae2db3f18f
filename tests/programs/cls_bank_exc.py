# A bank with account classes and custom exceptions carrying fields.


class BankError(Exception):
    account: str

    def __init__(self, account: str, msg: str) -> None:
        super().__init__(account + ": " + msg)
        self.account = account


class InsufficientFunds(BankError):
    needed: int

    def __init__(self, account: str, needed: int) -> None:
        super().__init__(account, "insufficient funds, short by " + str(needed))
        self.needed = needed


class AccountFrozen(BankError):
    def __init__(self, account: str) -> None:
        super().__init__(account, "account is frozen")


class UnknownAccount(Exception):
    pass


class Account:
    number: str
    owner: str
    balance: int
    frozen: bool
    log: list[str]

    def __init__(self, number: str, owner: str, balance: int) -> None:
        self.number = number
        self.owner = owner
        self.balance = balance
        self.frozen = False
        self.log = []

    def limit(self) -> int:
        return 0

    def check(self) -> None:
        if self.frozen:
            raise AccountFrozen(self.number)

    def deposit(self, amount: int) -> None:
        self.check()
        if amount <= 0:
            raise ValueError("deposit must be positive, got " + str(amount))
        self.balance += amount
        self.log.append("+" + str(amount))

    def withdraw(self, amount: int) -> None:
        self.check()
        if self.balance - amount < -self.limit():
            raise InsufficientFunds(self.number, amount - self.balance - self.limit())
        self.balance -= amount
        self.log.append("-" + str(amount))


class Checking(Account):
    overdraft: int

    def __init__(self, number: str, owner: str, balance: int, overdraft: int) -> None:
        super().__init__(number, owner, balance)
        self.overdraft = overdraft

    def limit(self) -> int:
        return self.overdraft


class Bank:
    accounts: dict[str, Account]

    def __init__(self) -> None:
        self.accounts = {}

    def open(self, acct: Account) -> None:
        self.accounts[acct.number] = acct

    def get(self, number: str) -> Account:
        if number not in self.accounts:
            raise UnknownAccount("no account " + repr(number))
        return self.accounts[number]

    def transfer(self, src: str, dst: str, amount: int) -> None:
        a = self.get(src)
        b = self.get(dst)
        a.withdraw(amount)
        try:
            b.deposit(amount)
        except BankError:
            # Undo the withdrawal, then let the error propagate.
            a.balance += amount
            a.log.append("undo " + str(amount))
            raise


def run(bank: Bank, cmd: str) -> str:
    parts = cmd.split(" ")
    try:
        if parts[0] == "dep":
            bank.get(parts[1]).deposit(int(parts[2]))
        elif parts[0] == "wd":
            bank.get(parts[1]).withdraw(int(parts[2]))
        elif parts[0] == "xfer":
            bank.transfer(parts[1], parts[2], int(parts[3]))
        elif parts[0] == "freeze":
            bank.get(parts[1]).frozen = True
        else:
            raise RuntimeError("unknown command " + parts[0])
    except InsufficientFunds as e:
        return "short " + e.account + " by " + str(e.needed)
    except BankError as e:
        return "bank error: " + str(e) + " [" + e.account + "]"
    except UnknownAccount as e:
        return "unknown account " + str(e)
    except (ValueError, IndexError) as e:
        return "bad input: " + str(e)
    return "ok"


def main(argv: list[str]) -> int:
    bank = Bank()
    bank.open(Account("A1", "ann", 100))
    bank.open(Checking("C1", "bob", 20, 50))
    bank.open(Account("A2", "cat", 0))
    cmds = [
        "dep A1 50",
        "wd A1 500",
        "wd C1 60",
        "wd C1 20",
        "xfer A1 A2 30",
        "xfer A2 ZZ 1",
        "dep A1 -5",
        "dep A1 x",
        "wd",
        "freeze A2",
        "xfer A1 A2 10",
        "dep A2 1",
        "close A1",
    ]
    for c in cmds:
        try:
            print(c, "->", run(bank, c))
        except RuntimeError as e:
            print(c, "-> runtime error:", str(e))
    for num in ["A1", "C1", "A2"]:
        a = bank.get(num)
        print(a.number, a.owner, a.balance, a.log)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
