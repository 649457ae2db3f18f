//! The builtin exception kinds: the classes the runtime raises by number
//! (`seam_raise_builtin(kind, msg)`), their numbers, Python names and parents.
//!
//! The first translation emits one class descriptor per kind and registers them
//! with `seam_register_builtin_classes` as a table indexed by the kind's number; the
//! exports file records each builtin class's number.

macro_rules! exception_kinds {
    ($( $(#[$doc:meta])* $kind:ident = $id:literal, )*) => {
        /// A builtin exception kind; its value is the number the runtime raises it by.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(i64)]
        pub enum ExcKind {
            $( $(#[$doc])* $kind = $id, )*
        }

        impl ExcKind {
            /// The number of builtin exception kinds.
            pub const COUNT: usize = [$(stringify!($kind)),*].len();

            /// Every builtin exception kind, in number order.
            pub const ALL: [ExcKind; ExcKind::COUNT] = [$(ExcKind::$kind),*];

            /// The Python name of the class (`UnsupportedOperation` without its module:
            /// see [`ExcKind::qualified_name`]).
            pub const fn name(self) -> &'static str {
                match self {
                    $( ExcKind::$kind => stringify!($kind), )*
                }
            }
        }
    };
}

exception_kinds! {
    /// `Exception`, the root of the catchable classes.
    Exception = 0,
    /// `ValueError`.
    ValueError = 1,
    /// `TypeError`.
    TypeError = 2,
    /// `IndexError`.
    IndexError = 3,
    /// `KeyError`.
    KeyError = 4,
    /// `ZeroDivisionError`.
    ZeroDivisionError = 5,
    /// `OverflowError`.
    OverflowError = 6,
    /// `RuntimeError`.
    RuntimeError = 7,
    /// `AssertionError`.
    AssertionError = 8,
    /// `ImportError`.
    ImportError = 9,
    /// `NotImplementedError`, a `RuntimeError`.
    NotImplementedError = 10,
    /// `RecursionError`, a `RuntimeError`.
    RecursionError = 11,
    /// `OSError`, the parent of the input and output errors below.
    OSError = 12,
    /// `FileNotFoundError`.
    FileNotFoundError = 13,
    /// `PermissionError`.
    PermissionError = 14,
    /// `IsADirectoryError`.
    IsADirectoryError = 15,
    /// `NotADirectoryError`.
    NotADirectoryError = 16,
    /// `io.UnsupportedOperation`; not nameable in Seam Python.
    UnsupportedOperation = 17,
    /// `EOFError`.
    EOFError = 18,
    /// `UnicodeDecodeError`, a `ValueError` (CPython's `UnicodeError` is skipped).
    UnicodeDecodeError = 19,
    /// `SystemExit`. Not an `Exception`: a root of its own, like CPython's
    /// `BaseException` subclass.
    SystemExit = 20,
    /// `MemoryError`, raised when an allocation fails (see docs/language.md, "Memory").
    MemoryError = 21,
}

impl ExcKind {
    /// The name tracebacks and `repr` show: `io.UnsupportedOperation` lives in a module.
    pub const fn qualified_name(self) -> &'static str {
        match self {
            ExcKind::UnsupportedOperation => "io.UnsupportedOperation",
            other => other.name(),
        }
    }

    /// The builtin parent class (`NotImplementedError` and `RecursionError` are
    /// `RuntimeError`s, as in CPython; `UnicodeDecodeError` a `ValueError`, skipping
    /// `UnicodeError`; `Exception` and `SystemExit` have none).
    pub const fn parent(self) -> Option<ExcKind> {
        match self {
            ExcKind::Exception | ExcKind::SystemExit => None,
            ExcKind::NotImplementedError | ExcKind::RecursionError => Some(ExcKind::RuntimeError),
            ExcKind::FileNotFoundError
            | ExcKind::PermissionError
            | ExcKind::IsADirectoryError
            | ExcKind::NotADirectoryError
            | ExcKind::UnsupportedOperation => Some(ExcKind::OSError),
            ExcKind::UnicodeDecodeError => Some(ExcKind::ValueError),
            _ => Some(ExcKind::Exception),
        }
    }

    /// Whether Seam Python programs may name the class (all but `io.UnsupportedOperation`).
    pub const fn nameable(self) -> bool {
        !matches!(self, ExcKind::UnsupportedOperation)
    }

    /// The builtin exception class a Seam Python program names `name`.
    pub fn from_name(name: &str) -> Option<ExcKind> {
        ExcKind::ALL
            .iter()
            .copied()
            .find(|k| k.nameable() && k.name() == name)
    }

    /// The kind numbered `id`.
    pub fn from_id(id: i64) -> Option<ExcKind> {
        usize::try_from(id)
            .ok()
            .and_then(|i| ExcKind::ALL.get(i).copied())
    }
}
