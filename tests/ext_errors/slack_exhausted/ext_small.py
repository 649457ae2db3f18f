from main import Base, Space


class Only(Base):
    def name(self) -> str:
        return "only"


def init_module(space: Space) -> None:
    space.objs.append(Only())
