//! `seam-runtime`: the library linked into every translated Seam program.
//!
//! ```text
//!   main (entry.rs) ──▶ seam_program_main (generated) ──▶ seam_* helpers (this crate) ──▶ seam-gc
//! ```
//!
//! It defines every function of the runtime ABI table
//! (`seam_abi::foreach_runtime_function!`) as an `extern "C"` symbol, checked
//! against the table at compile time ([`abi_check`]), the C entry point `main`, the extension loader
//! (`load_extension`, see [`loader`]), and the layouts of the builtin
//! objects (`str`, `list`, `dict`, `tuple`) that generated code reads
//! directly (see [`layout`]). Errors are raised through one file
//! ([`error`]): raising sets the exported exception state
//! (`seam_exc_current`) and returns, and generated code tests the state
//! after every call the ABI table marks `raises`.
//!
//! **Architecture Invariant:** the runtime knows nothing of the translator:
//! it does not depend on `seam-core`, and sees values only as machine words
//! described by type codes (see [`typecode`]).
//!
//! **GC rooting convention:** arguments passed by generated code may be
//! temporaries rooted nowhere else, so every helper that allocates first
//! pushes its reference arguments (and the objects it creates) onto the
//! shadow stack with a [`gcglue::Roots`] guard. The collector does not move
//! objects, so a rooted pointer stays valid as it is.

pub mod layout;

mod abi_check;
mod arith;
mod callable;
mod cffi;
mod class;
mod dict;
mod dunder;
mod elf;
mod entry;
mod error;
mod exc_args;
mod exc_state;
mod fatal;
mod fault;
mod file;
mod float_repr;
mod format;
mod gcglue;
mod generic;
mod hashkey;
mod ints;
mod list;
mod loader;
mod mapper;
mod memory;
mod output;
mod parse;
mod set;
mod startup;
mod strformat;
mod strmethods;
mod strobj;
mod timsort;
mod tuple;
mod typecode;
mod unicode_db;

#[cfg(test)]
mod tests;

pub use error::ExcKind;

pub use seam_abi::MISSING;
pub use startup::init;
