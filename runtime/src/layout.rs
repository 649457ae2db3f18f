//! Object layouts of the builtin types, class descriptors, exception
//! instances and extension descriptors: the offsets generated code reads
//! directly come from `seam_abi::layout` (re-exported here, so the runtime's
//! modules name them as `crate::layout::X`), plus the private parts only the
//! runtime reads.
//!
//! Knows nothing of how the objects are allocated or traced.

pub use seam_abi::layout::*;

/// `list`: object size.
pub const LIST_SIZE: usize = 24;

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

/// Box: object size.
pub const BOX_SIZE: usize = 16;

/// Function value: object size.
pub const CALLABLE_SIZE: usize = 24;
