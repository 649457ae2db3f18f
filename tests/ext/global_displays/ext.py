import main
from main import Base, Space, Sub, names


class Local(Base):
    def name(self) -> str:
        return "Local"


def init_module(space: Space) -> None:
    main.ITEMS = [Sub()]
    print(names(main.ITEMS))
    main.ITEMS = [Local(), Sub(), Base()]
    main.BY_NAME = {"local": Local(), "sub": Sub()}
    main.NAMES = []
    main.NAMES.append("ext")
    main.MAYBE = Local()
    space.items = [Local()]
