//! `seam-abi`: the runtime ABI in one place — the contract between the code
//! Seam generates (in a core or an extension) and the runtime it is linked with.
//!
//! ```text
//!                 seam-abi
//!     ┌──────────────┼───────────────┐
//!  seam-core      seam-runtime     seam-gc
//!  (generates     (defines the     (reads the descriptor
//!   the calls)     functions)       encoding)
//! ```
//!
//! Everything the two sides must agree on is written here once:
//!
//! - [`foreach_runtime_function!`] ([`functions`]): the runtime function table,
//!   which the translator expands into its `Rt` enum and the runtime into
//!   compile-time checks of its definitions;
//! - [`layout`]: the object and descriptor layouts generated code reads, with
//!   [`foreach_layout_offset!`] for a side that wants the offsets in its own integer type;
//! - [`ExcKind`]: the builtin exception kinds, their numbers and names;
//! - [`symbols`]: the fixed data symbols ([`foreach_data_symbol!`]) and symbol mangling;
//! - [`gc`]: the collector's descriptor encoding;
//! - [`MISSING`] and [`ABI_VERSION`].
//!
//! **Architecture Invariant:** this crate is plain declarations. It has no
//! dependencies, no `unsafe`, and knows nothing of Cranelift, of the front end or
//! of how the runtime implements anything.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod exceptions;
pub mod functions;
pub mod gc;
pub mod layout;
pub mod symbols;

pub use exceptions::ExcKind;

/// The marker for an absent optional integer argument (slice bounds, `sys.exit()`
/// without a code).
pub const MISSING: i64 = i64::MIN;

/// The version of the runtime ABI: the runtime function table's meaning, the data
/// symbols, the builtin object layouts in [`layout`] and the class descriptor's
/// shape. The exports file records it, and the fingerprint covers it: bump it
/// whenever any of those changes in a way the table's entries alone do not show (a
/// layout offset, what a function does with its arguments).
///
/// Version 4: the generational collector, with inline allocation from the free
/// lists and the object-remembering write barrier ([`gc`]). Version 5: large
/// reference arrays remembered by card ([`gc::HDR_CARDED`]), which the barrier
/// of an element store dirties inline.
pub const ABI_VERSION: u32 = 5;

#[cfg(test)]
mod tests;
