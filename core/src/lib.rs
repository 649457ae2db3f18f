//! The Seam translator: the front end, the typed IR and the Cranelift backend
//! shared by both translations.
//!
//! ```text
//!   .py ──frontend──▶ tir::Program ──codegen──▶ object file (ELF, PIC)
//! ```
//!
//! The crate does no I/O of its own: sources come through
//! [`frontend::SourceLoader`], objects are returned as bytes, and linking is the
//! driver's job. It knows nothing of the runtime's internals beyond the ABI in
//! [`rt`] and [`layout`], and nothing of dlopen.

#![forbid(unsafe_code)]

pub mod analysis;
pub mod codegen;
pub mod diag;
pub mod exports;
pub mod frontend;
pub mod inline;
pub mod layout;
pub mod rt;
pub mod tir;
pub mod tirprint;
