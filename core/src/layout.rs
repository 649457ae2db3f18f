//! Object layouts of the builtin types, as generated code sees them.
//!
//! Every GC object starts with a pointer to its type descriptor (offset 0);
//! the collector keeps its own bookkeeping in a hidden header before the
//! object, so these offsets are the whole visible layout. The runtime crate
//! mirrors these constants and checks them in its tests.

/// Offset of the type-descriptor pointer in every object.
pub const DESCRIPTOR: i32 = 0;

/// `str`: length in UTF-8 bytes (i64).
pub const STR_BYTE_LEN: i32 = 8;
/// `str`: length in code points (i64); equal to the byte length for ASCII text.
pub const STR_CHAR_LEN: i32 = 16;
/// `str`: cached hash, 0 when not yet computed (i64).
pub const STR_HASH: i32 = 24;
/// `str`: the UTF-8 bytes, inline.
pub const STR_BYTES: i32 = 32;

/// `list`: number of elements (i64).
pub const LIST_LEN: i32 = 8;
/// `list`: pointer to the element array (an object whose words start at [`ARRAY_ITEMS`]).
pub const LIST_ITEMS: i32 = 16;
/// Element array: capacity in words (i64).
pub const ARRAY_CAPACITY: i32 = 8;
/// Element array: the words.
pub const ARRAY_ITEMS: i32 = 16;

/// `dict`: number of live entries (i64); everything after it is private to the runtime.
pub const DICT_LEN: i32 = 8;

/// `set`: number of elements (i64); everything after it is private to the runtime.
pub const SET_LEN: i32 = 8;

/// The box of an optional `int`, `float` or `bool` (`int | None`...; `None` is
/// the null pointer): the value word.
pub const BOX_VALUE: i32 = 8;

/// `tuple`: number of elements (i64).
pub const TUPLE_LEN: i32 = 8;
/// `tuple`: bitmask of reference elements (i64).
pub const TUPLE_REF_MASK: i32 = 16;
/// `tuple`: the element words.
pub const TUPLE_ITEMS: i32 = 24;
/// The most elements a tuple may have (one bit each in the reference mask).
pub const TUPLE_MAX_LEN: usize = 64;

/// Function value (`Callable`): the code pointer, called with the object itself first.
pub const CALLABLE_CODE: i32 = 8;
/// Function value: the bound method's receiver (a reference), or null for a function.
pub const CALLABLE_RECEIVER: i32 = 16;

/// Class descriptor: the collector's type info occupies bytes 0..32.
pub const CLASS_GC_INFO: i32 = 0;
/// Class descriptor: the class id (i64).
pub const CLASS_ID: i32 = 32;
/// Class descriptor: one past the last id of the class's range (i64).
pub const CLASS_MAX: i32 = 40;
/// Class descriptor: instance size in bytes (i64).
pub const CLASS_SIZE: i32 = 48;
/// Class descriptor: the qualified name, a NUL-terminated C string.
pub const CLASS_NAME: i32 = 56;
/// Class descriptor: the parent's descriptor, or null.
pub const CLASS_PARENT: i32 = 64;
/// Class descriptor: flags ([`CLASS_FLAG_EXCEPTION`], [`CLASS_FLAG_FINAL`]).
pub const CLASS_FLAGS: i32 = 72;
/// Class descriptor: number of vtable slots (i64).
pub const CLASS_VTABLE_LEN: i32 = 80;
/// Class descriptor: the first id of the slack reserved for subclasses loaded later (i64);
/// the loader hands out `[slack_start, class_max)` to extension classes.
pub const CLASS_SLACK_START: i32 = 88;
/// Class descriptor: the dunder table, [`DUNDER_COUNT`] words: the function pointers
/// of the class's `__str__`, `__repr__`, `__eq__`, `__ne__`, `__hash__`, `__lt__`,
/// `__le__`, `__gt__`, `__ge__` and `__len__` (see [`DUNDER_NAMES`]), null where the
/// class neither defines nor inherits one, then the descriptors of the classes the
/// `other` parameter of `__lt__`, `__le__`, `__gt__` and `__ge__` is declared as (null
/// for `object`). The runtime's generic `str`, `repr`, `==`, ordering, `hash`, `len`
/// and truth test find a class's dunder methods here.
pub const CLASS_DUNDERS: i32 = 96;
/// The dunder methods with a slot in [`CLASS_DUNDERS`], in slot order.
pub const DUNDER_NAMES: [&str; 10] = [
    "__str__", "__repr__", "__eq__", "__ne__", "__hash__", "__lt__", "__le__", "__gt__", "__ge__",
    "__len__",
];
/// Slot of the first ordering method (`__lt__`) in [`DUNDER_NAMES`]; the four ordering
/// methods' parameter classes follow the [`DUNDER_NAMES`] slots in the same order.
pub const DUNDER_FIRST_ORDERING: usize = 5;
/// Words in the dunder table: one a method, and one a parameter class of the four ordering methods.
pub const DUNDER_COUNT: usize = 14;
/// Class descriptor: the vtable, one function pointer a slot.
pub const CLASS_VTABLE: i32 = 208;
/// Flag: instances are exceptions (their first field is the message `str`).
pub const CLASS_FLAG_EXCEPTION: i64 = 1;
/// Flag: the class cannot be subclassed.
pub const CLASS_FLAG_FINAL: i64 = 2;

/// Exception instances: the message (`str`), the first field of `Exception`; null when
/// the class's own `__init__` did not pass one to `super().__init__`.
pub const EXC_MESSAGE: i32 = 8;
/// Exception instances: the positional arguments of the construction, a tuple (or null
/// when there were none or the message was given to the builtin `__init__`).
pub const EXC_ARGS: i32 = 16;
/// Exception instances: the type code of [`EXC_ARGS`]'s tuple (a static address, not a reference).
pub const EXC_ARGS_CODE: i32 = 24;

/// Extension descriptor (`seam_ext__<stem>`, what the loader reads): layout version (i64).
pub const EXT_VERSION: i32 = 0;
/// Extension descriptor: the core fingerprint it was built against (NUL-terminated hex C string).
pub const EXT_FINGERPRINT: i32 = 8;
/// Extension descriptor: the extension's name (its file stem, a C string).
pub const EXT_NAME: i32 = 16;
/// Extension descriptor: number of classes the extension defines (i64).
pub const EXT_CLASS_COUNT: i32 = 24;
/// Extension descriptor: its class descriptors (writable; parents before children), an array of pointers.
pub const EXT_CLASSES: i32 = 32;
/// Extension descriptor: number of static-root slots (i64).
pub const EXT_ROOT_COUNT: i32 = 40;
/// Extension descriptor: the static-root slots (globals and literals holding references), an array of pointers.
pub const EXT_ROOTS: i32 = 48;
/// Extension descriptor: `fn()` that creates the literals and runs the global initialisers (may raise).
pub const EXT_INIT_GLOBALS: i32 = 56;
/// Extension descriptor: `fn(space)`, the extension's `init_module` (may raise).
pub const EXT_INIT_MODULE: i32 = 64;
/// Extension descriptor: the descriptor of the class `init_module`'s parameter must be an instance of.
pub const EXT_SPACE_CLASS: i32 = 72;
/// The extension descriptor's layout version.
pub const EXT_LAYOUT_VERSION: i64 = 1;
