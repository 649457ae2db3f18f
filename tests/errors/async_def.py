# expect: async functions are not supported


async def fetch() -> int:
    return 1


def main(argv: list[str]) -> int:
    return 0
