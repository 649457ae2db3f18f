//! The layouts generated code reads and writes directly: the builtin objects'
//! public words, class descriptors, exception instances and the extension
//! descriptor.
//!
//! Every GC object starts with a pointer to its type descriptor (offset 0); the
//! collector keeps its own bookkeeping in a hidden header before the object, so
//! these offsets are the whole visible layout. Whatever follows the public words
//! of a `dict` or a `set` is private to the runtime.
//!
//! Each byte offset is written once, in [`foreach_layout_offset!`]; this module
//! expands it into `usize` constants (the runtime's type), and the translator
//! expands the same table into `i32` constants (Cranelift's offset type).
//!
//! A class descriptor:
//!
//! ```text
//!   0  GcTypeInfo (32 bytes, see crate::gc)
//!  32  class_id      40  class_max     48  instance_size
//!  56  name ──▶ "m.Name\0"             64  parent ──▶ descriptor, or 0
//!  72  flags         80  vtable_len    88  slack_start
//!  96  dunder table: `__str__` ... `__len__`, then the ordering methods' parameter classes
//! 208  vtable: one function pointer a slot
//! ```

/// Invokes `$m!` with every layout offset, as `/// doc NAME = bytes;` entries.
#[macro_export]
macro_rules! foreach_layout_offset {
    ($m:ident) => {
        $m! {
            /// Offset of the type-descriptor pointer in every object.
            DESCRIPTOR = 0;

            /// `str`: length in UTF-8 bytes (i64).
            STR_BYTE_LEN = 8;
            /// `str`: length in code points (i64); equal to the byte length for ASCII text.
            STR_CHAR_LEN = 16;
            /// `str`: cached hash, 0 when not yet computed (i64).
            STR_HASH = 24;
            /// `str`: the UTF-8 bytes, inline.
            STR_BYTES = 32;

            /// `list`: number of elements (i64).
            LIST_LEN = 8;
            /// `list`: pointer to the element array (an object whose words start at `ARRAY_ITEMS`).
            LIST_ITEMS = 16;
            /// Element array: capacity in words (i64).
            ARRAY_CAPACITY = 8;
            /// Element array: the words.
            ARRAY_ITEMS = 16;

            /// `dict`: number of live entries (i64); everything after it is private to the runtime.
            DICT_LEN = 8;

            /// `set`: number of elements (i64); everything after it is private to the runtime.
            SET_LEN = 8;

            /// The box of an optional `int`, `float` or `bool` (`int | None`...; `None` is
            /// the null pointer): the value word.
            BOX_VALUE = 8;

            /// `tuple`: number of elements (i64).
            TUPLE_LEN = 8;
            /// `tuple`: bitmask of reference elements (i64).
            TUPLE_REF_MASK = 16;
            /// `tuple`: the element words.
            TUPLE_ITEMS = 24;

            /// Function value (`Callable`): the code pointer, called with the object itself first.
            CALLABLE_CODE = 8;
            /// Function value: the bound method's receiver (a reference), or null for a function.
            CALLABLE_RECEIVER = 16;

            /// Class descriptor: the collector's type info occupies bytes 0..32.
            CLASS_GC_INFO = 0;
            /// Class descriptor: the class id (i64).
            CLASS_ID = 32;
            /// Class descriptor: one past the last id of the class's range (i64).
            CLASS_MAX = 40;
            /// Class descriptor: instance size in bytes (i64).
            CLASS_SIZE = 48;
            /// Class descriptor: the qualified name, a NUL-terminated C string.
            CLASS_NAME = 56;
            /// Class descriptor: the parent's descriptor, or null.
            CLASS_PARENT = 64;
            /// Class descriptor: flags (`CLASS_FLAG_EXCEPTION`, `CLASS_FLAG_FINAL`).
            CLASS_FLAGS = 72;
            /// Class descriptor: number of vtable slots (i64).
            CLASS_VTABLE_LEN = 80;
            /// Class descriptor: the first id of the slack reserved for subclasses loaded
            /// later (i64); the loader hands out `[slack_start, class_max)` to extension
            /// classes (and writes it as `class_max` into an extension class's descriptor).
            CLASS_SLACK_START = 88;
            /// Class descriptor: the dunder table, `DUNDER_COUNT` words: the function
            /// pointers of the class's `__str__`, `__repr__`, `__eq__`, `__ne__`, `__hash__`,
            /// `__lt__`, `__le__`, `__gt__`, `__ge__` and `__len__` (see `DUNDER_NAMES`),
            /// null where the class neither defines nor inherits one, then the descriptors
            /// of the classes the `other` parameter of `__lt__`, `__le__`, `__gt__` and
            /// `__ge__` is declared as (null for `object`). The runtime's generic `str`,
            /// `repr`, `==`, ordering, `hash`, `len` and truth test find a class's dunder
            /// methods here.
            CLASS_DUNDERS = 96;
            /// Class descriptor: the vtable, one function pointer a slot.
            CLASS_VTABLE = 208;

            /// Exception instances: the message (`str`), the first field of `Exception`; null
            /// when the class's own `__init__` did not pass one to `super().__init__`.
            EXC_MESSAGE = 8;
            /// Exception instances: the positional arguments of the construction, a tuple (or
            /// null when there were none or the message was given to the builtin `__init__`).
            EXC_ARGS = 16;
            /// Exception instances: the type code of `EXC_ARGS`'s tuple (a static address,
            /// not a reference).
            EXC_ARGS_CODE = 24;

            /// Extension descriptor (`seam_ext__<stem>`, what the loader reads): layout version (i64).
            EXT_VERSION = 0;
            /// Extension descriptor: the core fingerprint it was built against (NUL-terminated
            /// hex C string).
            EXT_FINGERPRINT = 8;
            /// Extension descriptor: the extension's name (its file stem, a C string).
            EXT_NAME = 16;
            /// Extension descriptor: number of classes the extension defines (i64).
            EXT_CLASS_COUNT = 24;
            /// Extension descriptor: its class descriptors (writable; parents before children),
            /// an array of pointers.
            EXT_CLASSES = 32;
            /// Extension descriptor: number of static-root slots (i64).
            EXT_ROOT_COUNT = 40;
            /// Extension descriptor: the static-root slots (globals and literals holding
            /// references), an array of pointers.
            EXT_ROOTS = 48;
            /// Extension descriptor: `fn()` that creates the literals and runs the global
            /// initialisers (may raise).
            EXT_INIT_GLOBALS = 56;
            /// Extension descriptor: `fn(space)`, the extension's `init_module` (may raise).
            EXT_INIT_MODULE = 64;
            /// Extension descriptor: the descriptor of the class `init_module`'s parameter must
            /// be an instance of.
            EXT_SPACE_CLASS = 72;
            /// Extension descriptor: the fingerprint of the extension's own exports file, what
            /// extensions built on it were built against (NUL-terminated hex C string).
            EXT_PROVIDES = 80;
            /// Extension descriptor: number of extensions it was built against (i64).
            EXT_DEPEND_COUNT = 88;
            /// Extension descriptor: the extensions it was built against, an array of
            /// `EXT_DEPEND_COUNT` pairs of C strings: name, fingerprint of its exports file.
            EXT_DEPENDS = 96;
            /// Extension descriptor: its size in bytes.
            EXT_SIZE = 104;
        }
    };
}

macro_rules! usize_offsets {
    ($( $(#[$doc:meta])* $name:ident = $value:literal; )*) => {
        $( $(#[$doc])* pub const $name: usize = $value; )*
    };
}

crate::foreach_layout_offset!(usize_offsets);

/// The most elements a tuple may have (one bit each in the reference mask).
pub const TUPLE_MAX_LEN: usize = 64;

/// The dunder methods with a slot in the dunder table ([`CLASS_DUNDERS`]), in slot
/// order: [`DUNDER_STR`] is slot 0, and so on.
pub const DUNDER_NAMES: [&str; 10] = [
    "__str__", "__repr__", "__eq__", "__ne__", "__hash__", "__lt__", "__le__", "__gt__", "__ge__",
    "__len__",
];
/// Dunder table slot of `__str__`.
pub const DUNDER_STR: usize = 0;
/// Dunder table slot of `__repr__`.
pub const DUNDER_REPR: usize = 1;
/// Dunder table slot of `__eq__`.
pub const DUNDER_EQ: usize = 2;
/// Dunder table slot of `__ne__`.
pub const DUNDER_NE: usize = 3;
/// Dunder table slot of `__hash__`.
pub const DUNDER_HASH: usize = 4;
/// Dunder table slot of `__lt__`, the first of the four ordering methods (`__lt__`,
/// `__le__`, `__gt__`, `__ge__`, in that order).
pub const DUNDER_LT: usize = 5;
/// Dunder table slot of `__len__`.
pub const DUNDER_LEN: usize = 9;
/// The parameter class of the ordering method in slot `DUNDER_LT + i` is in slot
/// `DUNDER_PARAMS + i`, right after the methods.
pub const DUNDER_PARAMS: usize = DUNDER_NAMES.len();
/// Words in the dunder table: one a method, and one a parameter class of the four
/// ordering methods.
pub const DUNDER_COUNT: usize = DUNDER_PARAMS + 4;

/// Class descriptor flag: instances are exceptions (their first field is the message `str`).
pub const CLASS_FLAG_EXCEPTION: u64 = 1;
/// Class descriptor flag: the class cannot be subclassed.
pub const CLASS_FLAG_FINAL: u64 = 2;

/// The extension descriptor's layout version (the word at [`EXT_VERSION`]).
pub const EXT_LAYOUT_VERSION: i64 = 2;

// The descriptor's parts follow each other without gaps or overlaps.
const _: () = assert!(CLASS_GC_INFO + crate::gc::TYPE_INFO_SIZE == CLASS_ID);
const _: () = assert!(CLASS_DUNDERS + 8 * DUNDER_COUNT == CLASS_VTABLE);
