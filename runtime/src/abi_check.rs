//! The runtime's side of the ABI table: every entry of
//! `seam_abi::foreach_runtime_function!` expands here into a constant of the
//! declared `extern "C"` function type, initialised with the runtime's
//! definition of that symbol, and every data symbol the runtime owns
//! (`seam_abi::foreach_data_symbol!`) into a use of its definition.
//!
//! ```text
//!   Eq = seam_eq(Word, Word, Addr) -> I8, raises;
//!     ──▶ const _: unsafe extern "C" fn(u64, u64, *const u8) -> u8 = seam_eq;
//! ```
//!
//! So a function the table declares and the runtime does not define, or
//! defines with other parameter or result types, fails `cargo build`; nothing
//! here runs. Whether a function raises is the table's statement about the
//! definition's behaviour, which the compiler cannot see: the unit tests
//! exercise the error paths.

// The modules defining the runtime's `extern "C"` functions, so that the table's
// symbols resolve here as they do for the linker.
use crate::arith::*;
use crate::callable::*;
use crate::cffi::*;
use crate::dict::*;
use crate::dunder::*;
use crate::error::*;
use crate::exc_args::*;
use crate::exc_state::*;
use crate::file::*;
use crate::format::*;
use crate::gcglue::*;
use crate::generic::*;
use crate::ints::*;
use crate::list::*;
use crate::loader::*;
use crate::memory::*;
use crate::output::*;
use crate::parse::*;
use crate::set::*;
use crate::strformat::*;
use crate::strmethods::*;
use crate::strobj::*;
use crate::tuple::*;
use seam_gc::{seam_gc_budget, seam_gc_free, seam_shadow_stack_limit, seam_shadow_stack_top};

/// The Rust type the runtime gives a kind of the table (see `seam_abi::functions`).
macro_rules! rust_type {
    (I64) => { i64 };
    (F64) => { f64 };
    (I8) => { u8 };
    (Word) => { u64 };
    (Ptr) => { *mut u8 };
    (Addr) => { *const u8 };
    (AddrTable) => { *const *const u8 };
}

macro_rules! check_function {
    ($sym:ident ($($param:ident),*), noreturn) => {
        const _: unsafe extern "C" fn($(rust_type!($param)),*) -> ! = $sym;
    };
    ($sym:ident ($($param:ident),*) $(-> $ret:ident)? $(, raises)?) => {
        const _: unsafe extern "C" fn($(rust_type!($param)),*) $(-> rust_type!($ret))? = $sym;
    };
}

macro_rules! check_functions {
    ($( $(#[$doc:meta])* $variant:ident = $sym:ident ( $($param:ident),* ) $(-> $ret:ident)? $(, $flag:ident)? ;)*) => {
        $( check_function!($sym ($($param),*) $(-> $ret)? $(, $flag)?); )*
    };
}

seam_abi::foreach_runtime_function!(check_functions);

macro_rules! check_data_symbol {
    ($sym:ident, runtime) => {
        let _ = &raw const $sym;
    };
    // Defined by the program's generated code, not here.
    ($sym:ident, program) => {};
}

macro_rules! check_data_symbols {
    ($( $(#[$doc:meta])* $name:ident = $sym:ident, $owner:ident; )*) => {
        /// Names each data symbol the runtime defines; never called.
        #[allow(dead_code, reason = "type-checked for the names it uses, never run")]
        fn data_symbols_are_defined() {
            $( check_data_symbol!($sym, $owner); )*
        }
    };
}

seam_abi::foreach_data_symbol!(check_data_symbols);
