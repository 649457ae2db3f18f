//! The exports file, both ways: the first translation writes a checked
//! program's ABI into it, the second reads it back as the core it compiles
//! against. The two sides live together so that they are read, changed and
//! tested together.
//!
//! ```text
//!   tir::Program ──writer::build_exports──▶ ExportsFile ──(schema: encode; open, select)──▶ ExportsFile
//!                                                        (the items an extension names, and their needs)
//!                                                        ──reader::read_core──▶ ReadCore (ids, layouts,
//!                                                             vtables, symbols and signatures as recorded)
//! ```
//!
//! Neither side decides anything: the class plan (`frontend/classplan.rs`)
//! decides class ids, slack, field offsets and vtable slots; the writer
//! records them, and the reader hands them back unchanged for the front end
//! to declare (`frontend/interface.rs`). `tests.rs` holds the round trip:
//! programs checked in-process, written, encoded, decoded and read back,
//! with every recorded decision compared, and extensions checked against
//! the opened file. Does no I/O and knows nothing of
//! the encoding: the schema crate owns that.

pub mod reader;
mod writer;

#[cfg(test)]
mod tests;

pub use reader::{Bases, Owner, ReadClass, ReadCore, ReadFunction, ReadGlobal, read_core};
pub use writer::{BUILTINS_MODULE, build_exports};
