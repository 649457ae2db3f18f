//! The layouts generated code reads directly, as `i32` offsets (Cranelift's
//! offset type): expanded from the one table in `seam-abi`
//! ([`seam_abi::foreach_layout_offset!`]), which the runtime reads as `usize`.
//!
//! Every GC object starts with a pointer to its type descriptor (offset 0);
//! the collector keeps its own bookkeeping in a hidden header before the
//! object, so these offsets are the whole visible layout.

pub use seam_abi::layout::{
    CLASS_FLAG_EXCEPTION, CLASS_FLAG_FINAL, DUNDER_COUNT, DUNDER_LT, DUNDER_NAMES, DUNDER_PARAMS,
    EXT_LAYOUT_VERSION, TUPLE_MAX_LEN,
};

macro_rules! i32_offsets {
    ($( $(#[$doc:meta])* $name:ident = $value:literal; )*) => {
        $( $(#[$doc])* pub const $name: i32 = $value; )*
    };
}

seam_abi::foreach_layout_offset!(i32_offsets);
