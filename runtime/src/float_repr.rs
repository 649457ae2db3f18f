//! CPython's `repr(float)`: the shortest string that round-trips, written
//! in fixed notation when the decimal exponent is in `[-4, 16)` and in
//! scientific notation (`1e+20`, `1e-05`) otherwise.
//!
//! The layout rules are CPython's `format_float_short`, shared with format
//! specs in `seam-format`; this module only names them for the runtime.

pub(crate) use seam_format::float_repr;
