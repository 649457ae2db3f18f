from main import AppError, NotFound, Task, Tasks


class Throttled(AppError):
    retry: int

    def __init__(self, retry: int) -> None:
        super().__init__("throttled, retry in " + str(retry), 429)
        self.retry = retry

    def detail(self) -> str:
        return "Throttled(retry=" + str(self.retry) + ") of " + AppError.detail(self)


class Gone(NotFound):
    def __init__(self) -> None:
        super().__init__("gone for good")
        self.code = 410


class DeepGone(Gone):
    def detail(self) -> str:
        return "deep " + super().detail()


class BadInput(ValueError):
    field: str

    def __init__(self, field: str) -> None:
        super().__init__("bad input in " + field)
        self.field = field


class Plain(Exception):
    pass


class Failing(Task):
    def run(self, n: int) -> str:
        if n == 0:
            raise Throttled(30)
        if n == 1:
            raise Gone()
        if n == 2:
            raise DeepGone()
        if n == 3:
            raise BadInput("name")
        raise Plain("plain ext exception")


class Catching(Task):
    def run(self, n: int) -> str:
        try:
            return Failing().run(n)
        except Gone as e:
            return "ext caught Gone " + str(e.code) + " " + e.detail()
        except AppError as e:
            return "ext caught AppError " + e.detail()
        except ValueError as e:
            if isinstance(e, BadInput):
                return "ext caught BadInput " + e.field
            return "other"


def init_module(tasks: Tasks) -> None:
    tasks.items.append(Task())
    tasks.items.append(Failing())
    tasks.items.append(Catching())
