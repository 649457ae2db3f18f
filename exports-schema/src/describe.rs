//! The two dumps of an exports file: text for people, JSON for tools.

use std::fmt::Write as _;

use serde::Serialize;

use crate::{AbiClass, ExportsFile, FORMAT_VERSION, Literal, Param};

impl ExportsFile {
    /// A readable dump: a header, then one section per kind of item, in file order.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        let w = &mut out;
        let _ = writeln!(w, "seam exports file (format {FORMAT_VERSION})");
        let _ = writeln!(w, "  seam version:   {}", self.seam_version);
        let _ = writeln!(w, "  target:         {}", self.target);
        let _ = writeln!(w, "  runtime ABI:    {}", self.runtime_abi_version);
        let _ = writeln!(w, "  fingerprint:    {}", self.fingerprint);
        let _ = writeln!(w, "  modules:        {}", self.modules.join(", "));
        if let Some(ext) = &self.extension {
            let _ = writeln!(w, "  extension:      {}", ext.name);
            let _ = writeln!(w, "  built against:  core {}", ext.core);
            for d in &ext.depends {
                let _ = writeln!(
                    w,
                    "                  extension {} {}",
                    d.name, d.fingerprint
                );
            }
        }

        let _ = writeln!(w, "\nfunctions ({}):", self.functions.len());
        for f in &self.functions {
            let _ = writeln!(
                w,
                "  {}({}) -> {}{}",
                f.qualified_name,
                params(&f.params),
                f.ret,
                raises(f.can_raise)
            );
            let _ = writeln!(w, "      symbol {}", f.symbol);
        }

        let _ = writeln!(w, "\nclasses ({}):", self.classes.len());
        for c in &self.classes {
            let parent = c
                .parent
                .as_deref()
                .map(|p| format!("({p})"))
                .unwrap_or_default();
            let mut flags = Vec::new();
            if !c.exported {
                flags.push("not exported: an ancestor of an exported class");
            }
            if c.is_exception {
                flags.push("exception");
            }
            if c.is_final {
                flags.push("final");
            }
            if c.ids_at_load {
                flags.push("ids given at load, relative below");
            }
            let flags = if flags.is_empty() {
                String::new()
            } else {
                format!("  [{}]", flags.join(", "))
            };
            let _ = writeln!(w, "  class {}{parent}{flags}", c.qualified_name);
            let _ = writeln!(
                w,
                "      ids [{}, {}), slack [{}, {}); size {}, align {}",
                c.id, c.id_max, c.slack_start, c.id_max, c.size, c.align
            );
            let _ = writeln!(w, "      descriptor {}", c.descriptor_symbol);
            if let Some(kind) = c.builtin_kind {
                let _ = writeln!(w, "      builtin exception kind {kind}");
            }
            for f in &c.fields {
                let _ = writeln!(w, "      field +{} {}: {}", f.offset, f.name, f.ty);
            }
            if !c.gc_ref_offsets.is_empty() {
                let offsets: Vec<String> =
                    c.gc_ref_offsets.iter().map(|o| format!("+{o}")).collect();
                let _ = writeln!(w, "      gc references at {}", offsets.join(", "));
            }
            for s in &c.vtable {
                let mut notes = Vec::new();
                if s.is_final {
                    notes.push("final");
                }
                if s.can_raise {
                    notes.push("can raise");
                }
                if s.impl_can_raise != s.can_raise {
                    notes.push(if s.impl_can_raise {
                        "direct call can raise"
                    } else {
                        "direct call cannot raise"
                    });
                }
                let notes = if notes.is_empty() {
                    String::new()
                } else {
                    format!("  [{}]", notes.join(", "))
                };
                let _ = writeln!(
                    w,
                    "      slot {} {}({}) -> {}  {}{notes}",
                    s.slot,
                    s.name,
                    params(&s.params),
                    s.ret,
                    s.symbol
                );
            }
            if let Some(init) = &c.init {
                let _ = writeln!(
                    w,
                    "      init {}.__init__({})  {}{}{}",
                    init.defined_in,
                    params(&init.params),
                    init.symbol,
                    raises(init.can_raise),
                    if init.lends_self {
                        "  [lends self]"
                    } else {
                        ""
                    }
                );
            }
        }

        let _ = writeln!(w, "\nglobals ({}):", self.globals.len());
        for g in &self.globals {
            let _ = writeln!(w, "  {}: {}  {}", g.qualified_name, g.ty, g.symbol);
        }

        let _ = writeln!(
            w,
            "\nruntime ({} functions, {} data symbols):",
            self.runtime.len(),
            self.runtime_data.len()
        );
        for r in &self.runtime {
            let ps: Vec<&str> = r.params.iter().map(|&a| abi(a)).collect();
            let ret = r.ret.map(|a| format!(" -> {}", abi(a))).unwrap_or_default();
            let flag = if r.noreturn {
                "  [noreturn]"
            } else if r.can_raise {
                "  [can raise]"
            } else {
                ""
            };
            let _ = writeln!(w, "  {}({}){ret}{flag}", r.symbol, ps.join(", "));
        }
        for d in &self.runtime_data {
            let _ = writeln!(w, "  data {}: {}", d.symbol, d.role);
        }
        out
    }

    /// The whole file as pretty-printed JSON, with the format version; types
    /// appear in their Python spelling and the fingerprint in hex.
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Dump<'a> {
            format_version: u32,
            #[serde(flatten)]
            file: &'a ExportsFile,
        }
        let mut text = serde_json::to_string_pretty(&Dump {
            format_version: FORMAT_VERSION,
            file: self,
        })
        .expect("serialising plain data to JSON cannot fail (this is a bug)");
        text.push('\n');
        text
    }
}

fn params(ps: &[Param]) -> String {
    let parts: Vec<String> = ps
        .iter()
        .map(|p| match &p.default {
            Some(d) => format!("{}: {} = {d}", p.name, p.ty),
            None => format!("{}: {}", p.name, p.ty),
        })
        .collect();
    parts.join(", ")
}

fn raises(can_raise: bool) -> &'static str {
    if can_raise { "  [can raise]" } else { "" }
}

fn abi(a: AbiClass) -> &'static str {
    match a {
        AbiClass::I64 => "i64",
        AbiClass::F64 => "f64",
        AbiClass::I8 => "i8",
        AbiClass::Ptr => "ptr",
        AbiClass::Word => "word",
    }
}

impl std::fmt::Display for Literal {
    /// Python's spelling, near enough for a dump (strings are quoted Rust-style).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Literal::Int(i) => write!(f, "{i}"),
            Literal::Float(x) => write!(f, "{x:?}"),
            Literal::Bool(true) => f.write_str("True"),
            Literal::Bool(false) => f.write_str("False"),
            Literal::Str(s) => write!(f, "{s:?}"),
            Literal::None => f.write_str("None"),
        }
    }
}
