class ConfigError(Exception):
    key: str

    def __init__(self, key: str, msg: str) -> None:
        super().__init__(key + ": " + msg)
        self.key = key


class MissingKey(ConfigError):
    def __init__(self, key: str) -> None:
        super().__init__(key, "missing")


class BadValue(ConfigError):
    value: str

    def __init__(self, key: str, value: str) -> None:
        super().__init__(key, "bad value " + repr(value))
        self.value = value
