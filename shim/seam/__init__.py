"""The ``seam`` module for programs run untranslated on CPython.

Under translation ``export``, ``final``, ``Exported``, ``load_extension`` and
``intmask`` are names the compiler knows; this package gives them their CPython meaning so
that a Seam program runs unchanged on ``python3`` (``seam py``) and type-checks
with ``mypy --strict``.  It deliberately knows nothing about class ids, exports
files or shared libraries: ``slack`` is validated and otherwise ignored, and an
extension is an ordinary ``.py`` module (or package directory).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Annotated, Callable, TypeVar, overload
from typing import final as final

__all__ = ["DEFAULT_SLACK", "Exported", "export", "final", "intmask", "load_extension"]

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
