# expect: through `import main`, only exported names: a private function, a private global and an undeclared field are errors
# FIXME: the first two messages should say the name is not exported and name core.exports, as `from main import helper` does (ext_errors/not_exported)
import main
from main import Space


def init_module(space: Space) -> None:
    print(main.helper(1))
    main.private_total = 3
    space.nickname = "x"
