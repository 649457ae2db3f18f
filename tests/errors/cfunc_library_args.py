# expect: c_library: keyword lists of string literals, files that exist, library names
# as -l takes them, one declaration per module, at the top level only.
import seam

seam.c_library(sources=["no_such_file.c"])
seam.c_library(libraries=["-lz"])
seam.c_library(include_dirs=["no_such_dir"], optimise=["yes"])


def main(argv: list[str]) -> int:
    seam.c_library(sources=[])
    return 0
