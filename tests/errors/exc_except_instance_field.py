# expect: reading a field that the caught exception class does not declare


class AppError(Exception):
    code: int

    def __init__(self, code: int) -> None:
        super().__init__("app")
        self.code = code


def main(argv: list[str]) -> int:
    try:
        raise AppError(3)
    except Exception as e:
        return e.code
