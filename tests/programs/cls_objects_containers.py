# Instances stored in dicts, lists and tuples; aliasing through containers; sorting by a key.


class Student:
    name: str
    scores: list[int]

    def __init__(self, name: str) -> None:
        self.name = name
        self.scores = []

    def add(self, s: int) -> "Student":
        self.scores.append(s)
        return self

    def average(self) -> float:
        if len(self.scores) == 0:
            return 0.0
        return sum_list(self.scores) / len(self.scores)


def sum_list(xs: list[int]) -> int:
    t = 0
    for x in xs:
        t += x
    return t


class Course:
    title: str
    roster: dict[str, Student]
    waitlist: list[Student]

    def __init__(self, title: str) -> None:
        self.title = title
        self.roster = {}
        self.waitlist = []

    def enroll(self, s: Student, cap: int) -> bool:
        if len(self.roster) >= cap:
            self.waitlist.append(s)
            return False
        self.roster[s.name] = s
        return True

    def ranking(self) -> list[tuple[str, float]]:
        items: list[tuple[str, float]] = []
        for name, st in self.roster.items():
            items.append((name, st.average()))
        # Insertion sort by average descending, then name.
        for i in range(1, len(items)):
            j = i
            while j > 0 and (items[j][1] > items[j - 1][1] or (items[j][1] == items[j - 1][1] and items[j][0] < items[j - 1][0])):
                tmp = items[j]
                items[j] = items[j - 1]
                items[j - 1] = tmp
                j -= 1
        return items


def main(argv: list[str]) -> int:
    people = [Student("zoe"), Student("al"), Student("mo"), Student("bea")]
    people[0].add(90).add(80)
    people[1].add(70).add(100).add(85)
    people[2].add(85)
    people[3].add(85).add(85)
    c = Course("compilers")
    for p in people:
        print(p.name, c.enroll(p, 3))
    print(list(c.roster.keys()))
    print(len(c.waitlist), c.waitlist[0].name)
    print(c.ranking())
    # Aliasing: the roster holds the same objects as the list.
    c.roster["al"].add(0)
    print(people[1].scores, people[1].average())
    by_initial: dict[str, list[Student]] = {}
    for p in people:
        by_initial.setdefault(p.name[0], []).append(p)
    for k in by_initial:
        print(k, len(by_initial[k]), by_initial[k][0].name)
    pairs: list[tuple[Student, int]] = []
    for i in range(len(people)):
        pairs.append((people[i], i))
    for st, idx in pairs:
        print(idx, st.name, len(st.scores))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
