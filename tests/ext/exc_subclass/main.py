# Extension subclasses of core exception classes (and of builtin ones) are
# raised in the extension and caught in the core by the core's base class.
from seam import export, load_extension


@export
class AppError(Exception):
    code: int

    def __init__(self, msg: str, code: int) -> None:
        super().__init__(msg)
        self.code = code

    def detail(self) -> str:
        return "AppError(" + str(self.code) + ")"


@export
class NotFound(AppError):
    def __init__(self, what: str) -> None:
        super().__init__("not found: " + what, 404)


@export
class Task:
    def run(self, n: int) -> str:
        return "core task " + str(n)


@export
class Tasks:
    items: list[Task]

    def __init__(self) -> None:
        self.items = []


def main(argv: list[str]) -> int:
    tasks = Tasks()
    load_extension("ext", tasks)
    for t in tasks.items:
        for n in range(5):
            try:
                print(t.run(n))
            except NotFound as e:
                print("NotFound:", e, e.code, e.detail(), isinstance(e, AppError))
            except AppError as e:
                print("AppError:", e, e.code, e.detail(), isinstance(e, NotFound))
            except ValueError as e:
                print("ValueError:", e)
            except Exception as e:
                print("Exception:", e, isinstance(e, AppError))
    return 0
