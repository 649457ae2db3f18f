//! The runtime ABI as the translator sees it: the `Rt` enum of every runtime
//! function generated code may call, with its symbol and machine signature,
//! expanded from the one table in `seam-abi` ([`seam_abi::foreach_runtime_function!`]),
//! plus the data symbols, [`ExcKind`], [`MISSING`] and [`ABI_VERSION`] from the same crate.
//!
//! The front end picks the function, the backend declares and calls it, and the
//! exports file records the table; the runtime checks its definitions against the
//! same table at compile time. Pointers are GC references unless the comment says
//! otherwise. Functions marked `noreturn` never return to generated code. Functions
//! marked `raises` may return with the exception state ([`EXC_CURRENT`]) set, and then
//! with a meaningless result: generated code tests the state after calling them.
//!
//! Missing optional arguments are passed as [`MISSING`] for integers and as null for
//! pointers.

pub use seam_abi::symbols::{
    CORE_FINGERPRINT, EXC_CURRENT, GC_BUDGET, GC_FREE, PROGRAM_MAIN, SHADOW_STACK_LIMIT,
    SHADOW_STACK_TOP, STACK_LIMIT,
};
pub use seam_abi::{ABI_VERSION, ExcKind, MISSING};

/// The machine class of a value crossing the runtime boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abi {
    /// `int` (and the unused value of `None`).
    I64,
    /// `float`.
    F64,
    /// `bool`, 0 or 1.
    I8,
    /// A GC reference or null; also a raw address (type codes, literal bytes).
    Ptr,
    /// Any value as 64 bits: a float's IEEE bits, a bool zero-extended, a pointer.
    Word,
}

macro_rules! runtime_functions {
    ($( $(#[$doc:meta])* $variant:ident = $sym:ident ( $($param:ident),* ) $(-> $ret:ident)? $(, $flag:ident)? ;)*) => {
        /// A runtime function callable from generated code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Rt {
            $( $(#[$doc])* $variant, )*
        }

        impl Rt {
            /// Every runtime function, in table order.
            pub const ALL: &'static [Rt] = &[$(Rt::$variant),*];

            /// The symbol the runtime defines it under.
            pub fn symbol(self) -> &'static str {
                match self { $(Rt::$variant => stringify!($sym),)* }
            }

            /// Parameter classes, in order.
            pub fn params(self) -> &'static [Abi] {
                match self { $(Rt::$variant => &[$(runtime_functions!(@class $param)),*],)* }
            }

            /// Result class; `None` for functions returning nothing.
            pub fn ret(self) -> Option<Abi> {
                match self { $(Rt::$variant => runtime_functions!(@ret $($ret)?),)* }
            }

            /// Whether the function never returns.
            pub fn noreturn(self) -> bool {
                match self { $(Rt::$variant => runtime_functions!(@noret $($flag)?),)* }
            }

            /// Whether the function may return with the exception state set.
            pub fn can_raise(self) -> bool {
                match self { $(Rt::$variant => runtime_functions!(@raises $($flag)?),)* }
            }
        }
    };
    // The table's kinds, as machine classes: both kinds of raw address are pointers.
    (@class I64) => { Abi::I64 };
    (@class F64) => { Abi::F64 };
    (@class I8) => { Abi::I8 };
    (@class Word) => { Abi::Word };
    (@class Ptr) => { Abi::Ptr };
    (@class Addr) => { Abi::Ptr };
    (@class AddrTable) => { Abi::Ptr };
    (@ret) => { None };
    (@ret $r:ident) => { Some(runtime_functions!(@class $r)) };
    (@noret) => { false };
    (@noret noreturn) => { true };
    (@noret raises) => { false };
    (@raises) => { false };
    (@raises raises) => { true };
    (@raises noreturn) => { false };
}

seam_abi::foreach_runtime_function!(runtime_functions);
