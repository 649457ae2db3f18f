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

/// `tuple`: number of elements (i64).
pub const TUPLE_LEN: i32 = 8;
/// `tuple`: bitmask of reference elements (i64).
pub const TUPLE_REF_MASK: i32 = 16;
/// `tuple`: the element words.
pub const TUPLE_ITEMS: i32 = 24;
/// The most elements a tuple may have (one bit each in the reference mask).
pub const TUPLE_MAX_LEN: usize = 64;
