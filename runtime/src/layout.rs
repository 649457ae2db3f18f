//! Object layouts of the builtin types, class descriptors, exception
//! instances and extension descriptors: the offsets generated code reads directly, mirrored from
//! `seam_core::layout` (a test checks they agree with the ones used here),
//! plus the private parts only the runtime reads.
//!
//! Knows nothing of how the objects are allocated or traced.

/// Offset of the type-descriptor pointer in every object.
pub const DESCRIPTOR: usize = 0;

/// `str`: length in UTF-8 bytes.
pub const STR_BYTE_LEN: usize = 8;
/// `str`: length in code points; equal to the byte length for ASCII text.
pub const STR_CHAR_LEN: usize = 16;
/// `str`: cached hash, 0 when not yet computed.
pub const STR_HASH: usize = 24;
/// `str`: the UTF-8 bytes, inline.
pub const STR_BYTES: usize = 32;

/// `list`: number of elements.
pub const LIST_LEN: usize = 8;
/// `list`: pointer to the element array.
pub const LIST_ITEMS: usize = 16;
/// `list`: object size.
pub const LIST_SIZE: usize = 24;
/// Element array: capacity in words.
pub const ARRAY_CAPACITY: usize = 8;
/// Element array: the words.
pub const ARRAY_ITEMS: usize = 16;

/// `dict`: number of live entries; the rest is private to the runtime.
pub const DICT_LEN: usize = 8;
/// `dict` (private): bit 0 keys are `str`, bit 1 values are references.
pub const DICT_FLAGS: usize = 16;
/// `dict` (private): entries used, tombstones included.
pub const DICT_USED: usize = 24;
/// `dict` (private): the index table, a word array of entry index + 1 (0 = empty).
pub const DICT_INDEX: usize = 32;
/// `dict` (private): the entries' hashes (a word array; [`crate::dict::TOMBSTONE`] for deleted ones).
pub const DICT_HASHES: usize = 40;
/// `dict` (private): the entries' keys (a reference or word array).
pub const DICT_KEYS: usize = 48;
/// `dict` (private): the entries' values (a reference or word array).
pub const DICT_VALUES: usize = 56;
/// `dict` (private): the type code of keys other than `int` and `str` (a static
/// address, not a reference), null for those.
pub const DICT_KEY_CODE: usize = 64;
/// `dict` (private): entries that may still be appended before the storage is
/// rebuilt (CPython's `dk_usable`: deletions do not give any back).
pub const DICT_USABLE: usize = 72;
/// `dict`: object size.
pub const DICT_SIZE: usize = 80;

/// `set`: number of elements; the rest is private to the runtime.
pub const SET_LEN: usize = 8;
/// `set` (private): active and dummy entries (CPython's `fill`).
pub const SET_FILL: usize = 16;
/// `set` (private): table size - 1.
pub const SET_MASK: usize = 24;
/// `set` (private): where `pop` starts looking (CPython's `finger`).
pub const SET_FINGER: usize = 32;
/// `set` (private): the element type code, a static C string.
pub const SET_ELEM_CODE: usize = 40;
/// `set` (private): two words an entry, state and hash (a word array).
pub const SET_SLOTS: usize = 48;
/// `set` (private): the elements (a reference or word array).
pub const SET_KEYS: usize = 56;
/// `set`: object size.
pub const SET_SIZE: usize = 64;

/// Optional `int`, `float` or `bool` (`int | None`...): the boxed value.
pub const BOX_VALUE: usize = 8;
/// Box: object size.
pub const BOX_SIZE: usize = 16;

/// `tuple`: number of elements.
pub const TUPLE_LEN: usize = 8;
/// `tuple`: bitmask of reference elements.
pub const TUPLE_REF_MASK: usize = 16;
/// `tuple`: the element words.
pub const TUPLE_ITEMS: usize = 24;
/// The most elements a tuple may have.
pub const TUPLE_MAX_LEN: usize = 64;

/// Function value (`Callable`): the code pointer.
pub const CALLABLE_CODE: usize = 8;
/// Function value: the bound method's receiver, or null.
pub const CALLABLE_RECEIVER: usize = 16;
/// Function value: object size.
pub const CALLABLE_SIZE: usize = 24;

/// Class descriptor: the collector's type info occupies bytes 0..32.
pub const CLASS_GC_INFO: usize = 0;
/// Class descriptor: the class id.
pub const CLASS_ID: usize = 32;
/// Class descriptor: one past the last id of the class's range.
pub const CLASS_MAX: usize = 40;
/// Class descriptor: instance size in bytes.
pub const CLASS_SIZE: usize = 48;
/// Class descriptor: the qualified name, a NUL-terminated C string.
pub const CLASS_NAME: usize = 56;
/// Class descriptor: the parent's descriptor, or null.
pub const CLASS_PARENT: usize = 64;
/// Class descriptor: flags ([`CLASS_FLAG_EXCEPTION`], [`CLASS_FLAG_FINAL`]).
pub const CLASS_FLAGS: usize = 72;
/// Class descriptor: number of vtable slots.
pub const CLASS_VTABLE_LEN: usize = 80;
/// Class descriptor: the first id of the slack reserved for subclasses loaded
/// later; the loader hands out `[slack_start, class_max)` to extension classes
/// (and writes it as `class_max` into an extension class's descriptor).
pub const CLASS_SLACK_START: usize = 88;
/// Class descriptor: the dunder table (`seam_core::layout::DUNDER_NAMES`): function
/// pointers of `__str__`, `__repr__`, `__eq__`, `__ne__`, `__hash__`, `__lt__`, `__le__`,
/// `__gt__`, `__ge__`, `__len__` (null when absent), then the parameter classes of the
/// four ordering methods (null for `object`).
pub const CLASS_DUNDERS: usize = 96;
/// Dunder table slots.
pub const DUNDER_STR: usize = 0;
pub const DUNDER_REPR: usize = 1;
pub const DUNDER_EQ: usize = 2;
pub const DUNDER_NE: usize = 3;
pub const DUNDER_HASH: usize = 4;
pub const DUNDER_LT: usize = 5;
pub const DUNDER_LEN: usize = 9;
/// Slot of the parameter class of the ordering method in slot `DUNDER_LT + i` is `DUNDER_PARAMS + i`.
pub const DUNDER_PARAMS: usize = 10;
/// Words in the dunder table.
pub const DUNDER_COUNT: usize = 14;
/// Class descriptor: the vtable, one function pointer a slot.
pub const CLASS_VTABLE: usize = 208;
/// Flag: instances are exceptions (their first field is the message `str`).
pub const CLASS_FLAG_EXCEPTION: u64 = 1;
/// Flag: the class cannot be subclassed.
pub const CLASS_FLAG_FINAL: u64 = 2;

/// Exception instances: the message (`str`), the first field of `Exception`.
pub const EXC_MESSAGE: usize = 8;
/// Exception instances: the positional arguments of the construction (a tuple, or null).
pub const EXC_ARGS: usize = 16;
/// Exception instances: the type code of the arguments' tuple (a static address).
pub const EXC_ARGS_CODE: usize = 24;

/// Extension descriptor (the data symbol `seam_ext__<stem>`): layout version.
pub const EXT_VERSION: usize = 0;
/// Extension descriptor: the core fingerprint it was built against (a hex C string).
pub const EXT_FINGERPRINT: usize = 8;
/// Extension descriptor: the extension's name (its file stem, a C string).
pub const EXT_NAME: usize = 16;
/// Extension descriptor: number of classes the extension defines.
pub const EXT_CLASS_COUNT: usize = 24;
/// Extension descriptor: its writable class descriptors, parents before children.
pub const EXT_CLASSES: usize = 32;
/// Extension descriptor: number of static-root slots.
pub const EXT_ROOT_COUNT: usize = 40;
/// Extension descriptor: the static-root slots, an array of pointers.
pub const EXT_ROOTS: usize = 48;
/// Extension descriptor: `fn()` creating literals and running global initialisers (may raise).
pub const EXT_INIT_GLOBALS: usize = 56;
/// Extension descriptor: `fn(space)`, the extension's `init_module` (may raise).
pub const EXT_INIT_MODULE: usize = 64;
/// Extension descriptor: the class `init_module`'s parameter must be an instance of.
pub const EXT_SPACE_CLASS: usize = 72;
/// The extension descriptor's layout version this runtime reads.
pub const EXT_LAYOUT_VERSION: i64 = 1;
