# expect: through `import main`, only exported names: a private function, a private global and an undeclared field are errors
import main
from main import Space


def init_module(space: Space) -> None:
    print(main.helper(1))
    main.private_total = 3
    space.nickname = "x"
