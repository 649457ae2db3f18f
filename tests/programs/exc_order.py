# Except clause order: the first matching clause wins; subclass before base, base shadowing.


class Base(Exception):
    pass


class Mid(Base):
    pass


class Leaf(Mid):
    pass


class Other(Exception):
    pass


def throw(i: int) -> None:
    if i == 0:
        raise Leaf("leaf")
    if i == 1:
        raise Mid("mid")
    if i == 2:
        raise Base("base")
    if i == 3:
        raise Other("other")
    raise ValueError("value")


def specific_first(i: int) -> str:
    try:
        throw(i)
    except Leaf as e:
        return "Leaf handler: " + str(e)
    except Mid as e:
        return "Mid handler: " + str(e)
    except Base as e:
        return "Base handler: " + str(e)
    except Exception as e:
        return "Exception handler: " + str(e)
    return "none"


def base_first(i: int) -> str:
    try:
        throw(i)
    except Base as e:
        return "Base handler: " + str(e)
    except Leaf as e:
        return "Leaf handler (unreachable): " + str(e)
    except (Other, ValueError) as e:
        return "Other/Value handler: " + str(e)
    return "none"


def partial(i: int) -> str:
    try:
        try:
            throw(i)
        except Mid as e:
            return "inner Mid: " + str(e)
    except Base as e:
        return "outer Base: " + str(e)
    except Exception as e:
        return "outer Exception: " + str(e)
    return "none"


def main(argv: list[str]) -> int:
    for i in range(5):
        print(i, specific_first(i), "|", base_first(i), "|", partial(i))
    try:
        raise Leaf("x")
    except Exception as e:
        print("Exception catches user classes:", str(e), isinstance(e, Mid), isinstance(e, Other))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
