from main import Config


def init_module(config: Config) -> None:
    print("init_module got level", config.level)
