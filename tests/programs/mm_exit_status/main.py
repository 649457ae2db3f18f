# A multi-module program whose status comes from another module.
import verdict


def main(argv: list[str]) -> int:
    scores = [10, 55, 72, 31]
    print("scores", scores)
    return verdict.status(scores)


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
