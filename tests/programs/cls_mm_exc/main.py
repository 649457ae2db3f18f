# Exception classes from one module, raised in a second, caught in the entry module;
# an uncaught one finally escapes with its module-qualified name.
from config import Config
from errors import ConfigError, MissingKey
import errors


def read(cfg: Config, key: str) -> str:
    try:
        return str(cfg.get_int(key))
    except MissingKey as e:
        return "missing " + e.key
    except errors.BadValue as e:
        return "bad " + e.key + " " + e.value + " / " + str(e)


def main(argv: list[str]) -> int:
    cfg = Config("port = 8080; host = local; retries=3;;")
    for k in ["port", "host", "retries", "timeout"]:
        print(k, read(cfg, k))
    for text in ["a=1", "a=1; oops", ""]:
        try:
            c = Config(text)
            print("parsed", c.entries)
        except ConfigError as e:
            print("config error:", str(e), "key", repr(e.key))
    print("now failing for real")
    cfg.get_int("host")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
