# Sixty classes: a 40-level chain and 20 side branches, each overriding `level` and adding a
# field; isinstance against every class for objects at every depth.


class C0:
    f0: int

    def __init__(self) -> None:
        self.f0 = 0

    def level(self) -> int:
        return 0

    def total(self) -> int:
        return self.f0


class C1(C0):
    f1: int

    def __init__(self) -> None:
        super().__init__()
        self.f1 = 1

    def level(self) -> int:
        return 1

    def total(self) -> int:
        return super().total() + self.f1


class C2(C1):
    f2: int

    def __init__(self) -> None:
        super().__init__()
        self.f2 = 2

    def level(self) -> int:
        return 2

    def total(self) -> int:
        return super().total() + self.f2


class C3(C2):
    f3: int

    def __init__(self) -> None:
        super().__init__()
        self.f3 = 3

    def level(self) -> int:
        return 3

    def total(self) -> int:
        return super().total() + self.f3


class C4(C3):
    f4: int

    def __init__(self) -> None:
        super().__init__()
        self.f4 = 4

    def level(self) -> int:
        return 4

    def total(self) -> int:
        return super().total() + self.f4


class C5(C4):
    f5: int

    def __init__(self) -> None:
        super().__init__()
        self.f5 = 5

    def level(self) -> int:
        return 5

    def total(self) -> int:
        return super().total() + self.f5


class C6(C5):
    f6: int

    def __init__(self) -> None:
        super().__init__()
        self.f6 = 6

    def level(self) -> int:
        return 6

    def total(self) -> int:
        return super().total() + self.f6


class C7(C6):
    f7: int

    def __init__(self) -> None:
        super().__init__()
        self.f7 = 7

    def level(self) -> int:
        return 7

    def total(self) -> int:
        return super().total() + self.f7


class C8(C7):
    f8: int

    def __init__(self) -> None:
        super().__init__()
        self.f8 = 8

    def level(self) -> int:
        return 8

    def total(self) -> int:
        return super().total() + self.f8


class C9(C8):
    f9: int

    def __init__(self) -> None:
        super().__init__()
        self.f9 = 9

    def level(self) -> int:
        return 9

    def total(self) -> int:
        return super().total() + self.f9


class C10(C9):
    f10: int

    def __init__(self) -> None:
        super().__init__()
        self.f10 = 10

    def level(self) -> int:
        return 10

    def total(self) -> int:
        return super().total() + self.f10


class C11(C10):
    f11: int

    def __init__(self) -> None:
        super().__init__()
        self.f11 = 11

    def level(self) -> int:
        return 11

    def total(self) -> int:
        return super().total() + self.f11


class C12(C11):
    f12: int

    def __init__(self) -> None:
        super().__init__()
        self.f12 = 12

    def level(self) -> int:
        return 12

    def total(self) -> int:
        return super().total() + self.f12


class C13(C12):
    f13: int

    def __init__(self) -> None:
        super().__init__()
        self.f13 = 13

    def level(self) -> int:
        return 13

    def total(self) -> int:
        return super().total() + self.f13


class C14(C13):
    f14: int

    def __init__(self) -> None:
        super().__init__()
        self.f14 = 14

    def level(self) -> int:
        return 14

    def total(self) -> int:
        return super().total() + self.f14


class C15(C14):
    f15: int

    def __init__(self) -> None:
        super().__init__()
        self.f15 = 15

    def level(self) -> int:
        return 15

    def total(self) -> int:
        return super().total() + self.f15


class C16(C15):
    f16: int

    def __init__(self) -> None:
        super().__init__()
        self.f16 = 16

    def level(self) -> int:
        return 16

    def total(self) -> int:
        return super().total() + self.f16


class C17(C16):
    f17: int

    def __init__(self) -> None:
        super().__init__()
        self.f17 = 17

    def level(self) -> int:
        return 17

    def total(self) -> int:
        return super().total() + self.f17


class C18(C17):
    f18: int

    def __init__(self) -> None:
        super().__init__()
        self.f18 = 18

    def level(self) -> int:
        return 18

    def total(self) -> int:
        return super().total() + self.f18


class C19(C18):
    f19: int

    def __init__(self) -> None:
        super().__init__()
        self.f19 = 19

    def level(self) -> int:
        return 19

    def total(self) -> int:
        return super().total() + self.f19


class C20(C19):
    f20: int

    def __init__(self) -> None:
        super().__init__()
        self.f20 = 20

    def level(self) -> int:
        return 20

    def total(self) -> int:
        return super().total() + self.f20


class C21(C20):
    f21: int

    def __init__(self) -> None:
        super().__init__()
        self.f21 = 21

    def level(self) -> int:
        return 21

    def total(self) -> int:
        return super().total() + self.f21


class C22(C21):
    f22: int

    def __init__(self) -> None:
        super().__init__()
        self.f22 = 22

    def level(self) -> int:
        return 22

    def total(self) -> int:
        return super().total() + self.f22


class C23(C22):
    f23: int

    def __init__(self) -> None:
        super().__init__()
        self.f23 = 23

    def level(self) -> int:
        return 23

    def total(self) -> int:
        return super().total() + self.f23


class C24(C23):
    f24: int

    def __init__(self) -> None:
        super().__init__()
        self.f24 = 24

    def level(self) -> int:
        return 24

    def total(self) -> int:
        return super().total() + self.f24


class C25(C24):
    f25: int

    def __init__(self) -> None:
        super().__init__()
        self.f25 = 25

    def level(self) -> int:
        return 25

    def total(self) -> int:
        return super().total() + self.f25


class C26(C25):
    f26: int

    def __init__(self) -> None:
        super().__init__()
        self.f26 = 26

    def level(self) -> int:
        return 26

    def total(self) -> int:
        return super().total() + self.f26


class C27(C26):
    f27: int

    def __init__(self) -> None:
        super().__init__()
        self.f27 = 27

    def level(self) -> int:
        return 27

    def total(self) -> int:
        return super().total() + self.f27


class C28(C27):
    f28: int

    def __init__(self) -> None:
        super().__init__()
        self.f28 = 28

    def level(self) -> int:
        return 28

    def total(self) -> int:
        return super().total() + self.f28


class C29(C28):
    f29: int

    def __init__(self) -> None:
        super().__init__()
        self.f29 = 29

    def level(self) -> int:
        return 29

    def total(self) -> int:
        return super().total() + self.f29


class C30(C29):
    f30: int

    def __init__(self) -> None:
        super().__init__()
        self.f30 = 30

    def level(self) -> int:
        return 30

    def total(self) -> int:
        return super().total() + self.f30


class C31(C30):
    f31: int

    def __init__(self) -> None:
        super().__init__()
        self.f31 = 31

    def level(self) -> int:
        return 31

    def total(self) -> int:
        return super().total() + self.f31


class C32(C31):
    f32: int

    def __init__(self) -> None:
        super().__init__()
        self.f32 = 32

    def level(self) -> int:
        return 32

    def total(self) -> int:
        return super().total() + self.f32


class C33(C32):
    f33: int

    def __init__(self) -> None:
        super().__init__()
        self.f33 = 33

    def level(self) -> int:
        return 33

    def total(self) -> int:
        return super().total() + self.f33


class C34(C33):
    f34: int

    def __init__(self) -> None:
        super().__init__()
        self.f34 = 34

    def level(self) -> int:
        return 34

    def total(self) -> int:
        return super().total() + self.f34


class C35(C34):
    f35: int

    def __init__(self) -> None:
        super().__init__()
        self.f35 = 35

    def level(self) -> int:
        return 35

    def total(self) -> int:
        return super().total() + self.f35


class C36(C35):
    f36: int

    def __init__(self) -> None:
        super().__init__()
        self.f36 = 36

    def level(self) -> int:
        return 36

    def total(self) -> int:
        return super().total() + self.f36


class C37(C36):
    f37: int

    def __init__(self) -> None:
        super().__init__()
        self.f37 = 37

    def level(self) -> int:
        return 37

    def total(self) -> int:
        return super().total() + self.f37


class C38(C37):
    f38: int

    def __init__(self) -> None:
        super().__init__()
        self.f38 = 38

    def level(self) -> int:
        return 38

    def total(self) -> int:
        return super().total() + self.f38


class C39(C38):
    f39: int

    def __init__(self) -> None:
        super().__init__()
        self.f39 = 39

    def level(self) -> int:
        return 39

    def total(self) -> int:
        return super().total() + self.f39


class S0(C0):
    s: int

    def __init__(self) -> None:
        super().__init__()
        self.s = 100

    def level(self) -> int:
        return -0


class S1(C2):
    s: int

    def __init__(self) -> None:
        super().__init__()
        self.s = 101

    def level(self) -> int:
        return -2


class S2(C4):
    s: int

    def __init__(self) -> None:
        super().__init__()
        self.s = 102

    def level(self) -> int:
        return -4


class S3(C6):
    s: int

    def __init__(self) -> None:
        super().__init__()
        self.s = 103

    def level(self) -> int:
        return -6


class S4(C8):
    s: int

    def __init__(self) -> None:
        super().__init__()
        self.s = 104

    def level(self) -> int:
        return -8


class S5(C10):
    s: int

    def __init__(self) -> None:
        super().__init__()
        self.s = 105

    def level(self) -> int:
        return -10


class S6(C12):
    s: int

    def __init__(self) -> None:
        super().__init__()
        self.s = 106

    def level(self) -> int:
        return -12


class S7(C14):
    s: int

    def __init__(self) -> None:
        super().__init__()
        self.s = 107

    def level(self) -> int:
        return -14


class S8(C16):
    s: int

    def __init__(self) -> None:
        super().__init__()
        self.s = 108

    def level(self) -> int:
        return -16


class S9(C18):
    s: int

    def __init__(self) -> None:
        super().__init__()
        self.s = 109

    def level(self) -> int:
        return -18


class S10(C20):
    s: int

    def __init__(self) -> None:
        super().__init__()
        self.s = 110

    def level(self) -> int:
        return -20


class S11(C22):
    s: int

    def __init__(self) -> None:
        super().__init__()
        self.s = 111

    def level(self) -> int:
        return -22


class S12(C24):
    s: int

    def __init__(self) -> None:
        super().__init__()
        self.s = 112

    def level(self) -> int:
        return -24


class S13(C26):
    s: int

    def __init__(self) -> None:
        super().__init__()
        self.s = 113

    def level(self) -> int:
        return -26


class S14(C28):
    s: int

    def __init__(self) -> None:
        super().__init__()
        self.s = 114

    def level(self) -> int:
        return -28


class S15(C30):
    s: int

    def __init__(self) -> None:
        super().__init__()
        self.s = 115

    def level(self) -> int:
        return -30


class S16(C32):
    s: int

    def __init__(self) -> None:
        super().__init__()
        self.s = 116

    def level(self) -> int:
        return -32


class S17(C34):
    s: int

    def __init__(self) -> None:
        super().__init__()
        self.s = 117

    def level(self) -> int:
        return -34


class S18(C36):
    s: int

    def __init__(self) -> None:
        super().__init__()
        self.s = 118

    def level(self) -> int:
        return -36


class S19(C38):
    s: int

    def __init__(self) -> None:
        super().__init__()
        self.s = 119

    def level(self) -> int:
        return -38


def make(i: int) -> C0:
    if i == 0:
        return C0()
    if i == 1:
        return C1()
    if i == 2:
        return C2()
    if i == 3:
        return C3()
    if i == 4:
        return C4()
    if i == 5:
        return C5()
    if i == 6:
        return C6()
    if i == 7:
        return C7()
    if i == 8:
        return C8()
    if i == 9:
        return C9()
    if i == 10:
        return C10()
    if i == 11:
        return C11()
    if i == 12:
        return C12()
    if i == 13:
        return C13()
    if i == 14:
        return C14()
    if i == 15:
        return C15()
    if i == 16:
        return C16()
    if i == 17:
        return C17()
    if i == 18:
        return C18()
    if i == 19:
        return C19()
    if i == 20:
        return C20()
    if i == 21:
        return C21()
    if i == 22:
        return C22()
    if i == 23:
        return C23()
    if i == 24:
        return C24()
    if i == 25:
        return C25()
    if i == 26:
        return C26()
    if i == 27:
        return C27()
    if i == 28:
        return C28()
    if i == 29:
        return C29()
    if i == 30:
        return C30()
    if i == 31:
        return C31()
    if i == 32:
        return C32()
    if i == 33:
        return C33()
    if i == 34:
        return C34()
    if i == 35:
        return C35()
    if i == 36:
        return C36()
    if i == 37:
        return C37()
    if i == 38:
        return C38()
    if i == 39:
        return C39()
    if i == 40:
        return S0()
    if i == 41:
        return S1()
    if i == 42:
        return S2()
    if i == 43:
        return S3()
    if i == 44:
        return S4()
    if i == 45:
        return S5()
    if i == 46:
        return S6()
    if i == 47:
        return S7()
    if i == 48:
        return S8()
    if i == 49:
        return S9()
    if i == 50:
        return S10()
    if i == 51:
        return S11()
    if i == 52:
        return S12()
    if i == 53:
        return S13()
    if i == 54:
        return S14()
    if i == 55:
        return S15()
    if i == 56:
        return S16()
    if i == 57:
        return S17()
    if i == 58:
        return S18()
    if i == 59:
        return S19()
    return C0()


def signature(x: C0) -> str:
    out = ""
    out += "1" if isinstance(x, C0) else "0"
    out += "1" if isinstance(x, C3) else "0"
    out += "1" if isinstance(x, C6) else "0"
    out += "1" if isinstance(x, C9) else "0"
    out += "1" if isinstance(x, C12) else "0"
    out += "1" if isinstance(x, C15) else "0"
    out += "1" if isinstance(x, C18) else "0"
    out += "1" if isinstance(x, C21) else "0"
    out += "1" if isinstance(x, C24) else "0"
    out += "1" if isinstance(x, C27) else "0"
    out += "1" if isinstance(x, C30) else "0"
    out += "1" if isinstance(x, C33) else "0"
    out += "1" if isinstance(x, C36) else "0"
    out += "1" if isinstance(x, C39) else "0"
    out += "1" if isinstance(x, S0) else "0"
    out += "1" if isinstance(x, S4) else "0"
    out += "1" if isinstance(x, S8) else "0"
    out += "1" if isinstance(x, S12) else "0"
    out += "1" if isinstance(x, S16) else "0"
    return out


def main(argv: list[str]) -> int:
    objs: list[C0] = []
    for i in range(60):
        objs.append(make(i))
    for i in range(60):
        o = objs[i]
        extra = 0
        if isinstance(o, S0):
            extra = o.s
        if isinstance(o, S10):
            extra = o.s + 1000
        print(i, o.level(), o.total(), signature(o), extra)
    deep = objs[39]
    if isinstance(deep, C39):
        print(deep.f39, deep.f20, deep.f0)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
