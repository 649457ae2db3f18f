from errors import MissingKey, BadValue
import errors


class Config:
    entries: dict[str, str]

    def __init__(self, text: str) -> None:
        self.entries = {}
        for line in text.split(";"):
            line = line.strip()
            if line == "":
                continue
            if "=" not in line:
                raise errors.ConfigError(line, "no '=' in entry")
            parts = line.split("=")
            self.entries[parts[0].strip()] = parts[1].strip()

    def get_int(self, key: str) -> int:
        if key not in self.entries:
            raise MissingKey(key)
        v = self.entries[key]
        try:
            return int(v)
        except ValueError:
            raise BadValue(key, v)
