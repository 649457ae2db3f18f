"""The ``seam`` module for programs run untranslated on CPython.

Under translation ``export``, ``final``, ``Exported``, ``load_extension``,
``intmask``, ``c_library``, ``c_function`` and ``CPointer`` are names the
compiler knows; this package gives them their CPython meaning so
that a Seam program runs unchanged on ``python3`` (``seam py``) and type-checks
with ``mypy --strict``.  It deliberately knows nothing about class ids, exports
files or shared libraries: ``slack`` is validated and otherwise ignored, and an
extension is an ordinary ``.py`` module (or package directory).  C functions
are called through ``ctypes``, from a shared library the shim compiles from the
module's declared C sources with the compiler and flags ``seam flags`` prints
(passed by ``seam py`` in ``SEAM_C_TOOLCHAIN``), cached by content.
"""

from __future__ import annotations

import ctypes
import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import typing
from collections.abc import Sequence
from types import ModuleType
from typing import Annotated, Any, Callable, NewType, TypeVar, overload
from typing import final as final

__all__ = [
    "CPointer",
    "DEFAULT_SLACK",
    "Exported",
    "c_function",
    "c_library",
    "export",
    "final",
    "intmask",
    "load_extension",
]

_T = TypeVar("_T")

DEFAULT_SLACK: int = 256
"""Class ids an exported class reserves for extension subclasses by default.

Only meaningful to the translator; kept here so both agree on one number.
"""

Exported = Annotated[_T, "seam.Exported"]
"""``NAME: Exported[T] = value`` exports a core global; type checkers see ``T``."""


@overload
def export(obj: _T, /) -> _T: ...


@overload
def export(*, slack: int = DEFAULT_SLACK) -> Callable[[_T], _T]: ...


def export(obj: object = None, /, *, slack: int = DEFAULT_SLACK) -> object:
    """Mark a core function, class or global as part of the core's exports.

    Usable bare (``@export``) or with arguments (``@export(slack=N)``); under
    CPython it returns the decorated object unchanged.
    """
    # ``bool`` is an ``int`` subclass but ``slack=True`` is surely a mistake.
    if isinstance(slack, bool) or not isinstance(slack, int) or slack < 0:
        raise TypeError(f"export: slack must be a non-negative int, not {slack!r}")
    if obj is None:

        def decorate(target: _T) -> _T:
            return target

        return decorate
    return obj


def intmask(x: int) -> int:
    """``x`` reduced to a signed 64-bit integer (modulo 2**64), as RPython's
    ``intmask``.

    Translated, the arithmetic of the argument's operator tree wraps instead
    of raising ``OverflowError``; this computes the same value from the exact
    one.
    """
    x &= 0xFFFF_FFFF_FFFF_FFFF
    return x - (1 << 64) if x >= 1 << 63 else x


# Keys are absolute paths without suffix, so that two spellings of one path
# (``ext`` and ``./ext``) still load the extension only once.
_loaded: dict[str, ModuleType] = {}

# The directories of the extensions whose module code is running.
_loading: list[str] = []

# The directory of the program's entry module (set by the bootstrap).
_program_dir: list[str] = []


class _UnloadedExtensions(importlib.abc.MetaPathFinder):
    """Refuses, while an extension's code runs, the import of a Seam module that
    is not loaded yet: another extension, which a translated program finds only
    once ``load_extension`` has loaded it.

    The core's modules are all imported before ``main`` runs, and an extension
    that was loaded is in ``sys.modules`` under its stem (unless a module of that
    name was there already: see ``_module_name``); so a top-level module missing
    from ``sys.modules`` whose source lies beside the core or beside the
    extension importing it is an extension that is not loaded.
    """

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if not _loading or path is not None or fullname in sys.modules:
            return None
        for d in (_loading[-1], *_program_dir):
            base = os.path.join(d, fullname)
            if os.path.isfile(base + ".py") or os.path.isfile(os.path.join(base, "__init__.py")):
                raise ImportError(
                    f"extension '{fullname}' is not loaded: load it before the extensions "
                    "that import it",
                    name=fullname,
                )
        return None


sys.meta_path.insert(0, _UnloadedExtensions())


def _extension_source(path: str) -> tuple[str, list[str] | None]:
    """The file to execute for the extension at ``path`` and, for a package,
    its search locations."""
    file = path + ".py"
    if os.path.isfile(file):
        return file, None
    init = os.path.join(path, "__init__.py")
    if os.path.isdir(path) and os.path.isfile(init):
        return init, [path]
    raise FileNotFoundError(f"no such file: {file!r}")


def _module_name(path: str) -> str:
    stem = os.path.basename(path) or "extension"
    if stem not in sys.modules:
        return stem
    # The stem is taken (a core module of the same name, or another extension
    # with the same file name in a different directory): pick a private name
    # rather than replace a module other code already holds.
    n = 1
    while f"_seam_ext{n}_{stem}" in sys.modules:
        n += 1
    return f"_seam_ext{n}_{stem}"


def load_extension(path: str, space: object) -> None:
    """Load the extension at ``path`` (without suffix) and call its
    ``init_module(space)``.

    The module's global initialisers run first.  Loading a path that was
    already loaded successfully is a no-op.  Any failure raises ``ImportError``
    naming the extension and the cause; a failed load may be retried.
    """
    key = os.path.abspath(path)
    if key in _loaded:
        return
    name = ""
    try:
        file, search = _extension_source(path)
        name = _module_name(key)
        spec = importlib.util.spec_from_file_location(
            name, file, submodule_search_locations=search
        )
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot create a module spec for {file!r}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        # The directory the extension sits in (a package's parent, not the package).
        _loading.append(os.path.dirname(key))
        try:
            spec.loader.exec_module(module)
        finally:
            _loading.pop()
        init = getattr(module, "init_module", None)
        if init is None:
            raise AttributeError("it defines no init_module")
        if not callable(init):
            raise TypeError("its init_module is not a function")
        # Recorded before ``init_module`` runs, so that an extension which
        # (indirectly) loads itself again does not recurse.
        _loaded[key] = module
        init(space)
    except Exception as exc:
        _loaded.pop(key, None)
        if name:
            sys.modules.pop(name, None)
        cause = f"{type(exc).__name__}: {exc}"
        raise ImportError(f"cannot load extension {path!r}: {cause}", path=path) from exc


# ---- C functions ----

CPointer = NewType("CPointer", int)
"""A C handle (``void *``): an ``int`` the type checker keeps apart from other
ints.  Null is ``CPointer(0)``."""

_F = TypeVar("_F", bound=Callable[..., Any])


class _CLibrary:
    """What one module's ``c_library(...)`` declared, paths made absolute."""

    def __init__(
        self,
        module: str,
        sources: list[str],
        include_dirs: list[str],
        library_dirs: list[str],
        libraries: list[str],
        cflags: list[str],
    ) -> None:
        self.module = module
        self.sources = sources
        self.include_dirs = include_dirs
        self.library_dirs = library_dirs
        self.libraries = libraries
        self.cflags = cflags
        self.handle: ctypes.CDLL | None = None


# Keyed by the absolute path of the declaring module's file.
_c_libraries: dict[str, _CLibrary] = {}


def _module_key(globals_: dict[str, Any]) -> tuple[str, str]:
    """The declaring module's file and its name as the translator knows it."""
    file = os.path.abspath(str(globals_.get("__file__", "")))
    name = str(globals_.get("__name__", ""))
    if name.startswith("_seam_ext") and "_" in name[len("_seam_ext") :]:
        name = name[len("_seam_ext") :].split("_", 1)[1]
    return file, name


def c_library(
    *,
    sources: Sequence[str] = (),
    include_dirs: Sequence[str] = (),
    library_dirs: Sequence[str] = (),
    libraries: Sequence[str] = (),
    cflags: Sequence[str] = (),
) -> None:
    """Declare the C code of the calling module: sources compiled with it
    (paths relative to the module's directory), include and library
    directories, libraries to link (as ``-l`` takes them) and C flags."""
    file, name = _module_key(sys._getframe(1).f_globals)
    if file in _c_libraries:
        raise RuntimeError(f"module '{name}' declares its C code twice")
    here = os.path.dirname(file)
    _c_libraries[file] = _CLibrary(
        name,
        [os.path.join(here, p) for p in sources],
        [os.path.join(here, p) for p in include_dirs],
        [os.path.join(here, p) for p in library_dirs],
        list(libraries),
        list(cflags),
    )


def _toolchain() -> dict[str, Any]:
    """``seam flags --json`` as ``seam py`` passes it, else the same defaults."""
    text = os.environ.get("SEAM_C_TOOLCHAIN")
    if text:
        value: dict[str, Any] = json.loads(text)
        return value
    return {"cc": "cc", "cflags": ["-O2", "-fPIC"]}


def _overrides(module: str) -> list[dict[str, Any]]:
    """The project's C overrides for ``module``: its own, then everyone's."""
    text = os.environ.get("SEAM_C_CONFIG")
    if not text:
        return []
    config: dict[str, Any] = json.loads(text)
    layers: list[dict[str, Any]] = []
    mine = config.get("modules", {}).get(module)
    if mine:
        layers.append(mine)
    layers.append(config.get("all", {}))
    return layers


def _cache_dir() -> str:
    d = os.environ.get("SEAM_PY_CACHE") or os.path.join(
        tempfile.gettempdir(), f"seam-py-c-{os.getuid()}"
    )
    os.makedirs(d, mode=0o700, exist_ok=True)
    return d


def _library_handle(lib: _CLibrary | None) -> ctypes.CDLL:
    """The module's C code as a shared library, compiled on first use and
    cached by everything that goes into it; without a declaration, the C
    library of the process."""
    if lib is None:
        return ctypes.CDLL(None)
    if lib.handle is not None:
        return lib.handle
    tc = _toolchain()
    layers = _overrides(lib.module)
    include_dirs = [d for o in layers for d in o.get("include_dirs", [])] + lib.include_dirs
    library_dirs = [d for o in layers for d in o.get("library_dirs", [])] + lib.library_dirs
    cflags = [f for o in layers for f in o.get("cflags", [])] + lib.cflags
    ldflags = [f for o in layers for f in o.get("ldflags", [])]
    libraries = next(
        (o["libraries"] for o in layers if o.get("libraries") is not None), lib.libraries
    )
    sources = list(lib.sources)
    cache = _cache_dir()
    if not sources:
        # A library that only links others still needs one (empty) unit.
        empty = os.path.join(cache, "empty.c")
        if not os.path.isfile(empty):
            with open(empty, "w", encoding="utf-8") as text:
                text.write("/* no C sources: the library only links others */\n")
        sources = [empty]
    command = [str(tc["cc"]), *tc["cflags"], *cflags]
    command += [f"-I{d}" for d in include_dirs]
    command += ["-shared", *sources]
    command += [f"-L{d}" for d in library_dirs] + ldflags + [f"-l{x}" for x in libraries]
    digest = hashlib.sha256(json.dumps(command).encode())
    for src in sources:
        with open(src, "rb") as f:
            digest.update(f.read())
    out = os.path.join(cache, f"c-{digest.hexdigest()[:32]}.so")
    if not os.path.isfile(out):
        partial = f"{out}.tmp{os.getpid()}"
        result = subprocess.run(
            [*command, "-o", partial], capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise ImportError(
                f"module '{lib.module}': its C code does not build:\n{result.stderr.rstrip()}"
            )
        os.replace(partial, out)
    lib.handle = ctypes.CDLL(out)
    return lib.handle


# The ctypes type of each Seam type a C function may take or return.
_C_TYPES: dict[object, Any] = {
    int: ctypes.c_int64,
    float: ctypes.c_double,
    bool: ctypes.c_bool,
    str: ctypes.c_char_p,
    CPointer: ctypes.c_void_p,
    type(None): None,
    None: None,
}


def _to_c(value: object) -> object:
    if isinstance(value, str):
        if "\0" in value:
            raise ValueError("embedded null character")
        return value.encode("utf-8")
    return value


def _bind(fn: Callable[..., Any], symbol: str) -> Callable[..., Any]:
    """The ctypes function ``symbol`` with ``fn``'s annotated types."""
    hints = typing.get_type_hints(fn)
    ret = hints.pop("return", None)
    lib = _c_libraries.get(_module_key(fn.__globals__)[0])
    handle = _library_handle(lib)
    try:
        cfn = getattr(handle, symbol)
    except AttributeError:
        where = f"module '{lib.module}''s C code" if lib else "the C library"
        raise ImportError(f"C function '{symbol}' not found in {where}") from None
    cfn.argtypes = [_C_TYPES[t] for t in hints.values()]
    cfn.restype = _C_TYPES[ret]
    convert_result: Callable[[Any], Any]
    if ret is str:

        def convert_result(r: bytes | None) -> str:
            if r is None:
                raise ValueError(f"C function '{symbol}' returned NULL for its str result")
            return r.decode("utf-8")

    elif ret is CPointer:

        def convert_result(r: int | None) -> int:
            return 0 if r is None else r

    else:

        def convert_result(r: Any) -> Any:
            return r

    def call(*args: object) -> object:
        return convert_result(cfn(*(_to_c(a) for a in args)))

    return call


def _c_function(fn: _F, symbol: str) -> _F:
    bound: list[Callable[..., Any]] = []

    def call(*args: object) -> object:
        # Bound on first call: the module's c_library(...) may come after the stub.
        if not bound:
            bound.append(_bind(fn, symbol))
        return bound[0](*args)

    call.__name__ = fn.__name__
    call.__qualname__ = fn.__qualname__
    call.__doc__ = fn.__doc__
    return typing.cast(_F, call)


@overload
def c_function(fn: _F, /) -> _F: ...


@overload
def c_function(*, symbol: str | None = None) -> Callable[[_F], _F]: ...


def c_function(fn: object = None, /, *, symbol: str | None = None) -> object:
    """Declare a C function by its typed stub (body ``...``): calls go to the C
    symbol of the stub's name (or ``symbol=``), arguments and result converted
    (``str`` as NUL-terminated UTF-8, ``CPointer`` as ``void *``)."""
    if fn is None:

        def decorate(target: _F) -> _F:
            return _c_function(target, symbol or target.__name__)

        return decorate
    if not callable(fn):
        raise TypeError("c_function decorates a function")
    target = typing.cast(Callable[..., Any], fn)
    return _c_function(target, symbol or target.__name__)
