from main import Base, Space


class One(Base):
    def name(self) -> str:
        return "one"


class Two(Base):
    def name(self) -> str:
        return "two"


def init_module(space: Space) -> None:
    space.objs.append(One())
    space.objs.append(Two())
