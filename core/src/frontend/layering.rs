//! The front end's module graph, checked: the modules name each other (by
//! `use` lines and `super::x::` paths) without a cycle, the leaves and the
//! shared state name only what they may, and no module holds global state.
//! See the front end's Architecture Invariants in `planning/ARCHITECTURE.md`.
//!
//! Method calls on the shared `Checker` and `Context` types are not paths and
//! are not counted: checking an expression recurses through the modules of
//! what it calls.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Modules and the only front-end modules each may name.
const LAYERS: &[(&str, &[&str])] = &[
    ("defs", &[]),
    ("flow", &[]),
    ("scan", &[]),
    ("values", &[]),
    ("pysyntax", &[]),
    ("rules", &[]),
    ("context", &["defs", "rules"]),
    ("checker", &["context", "defs", "flow", "scan"]),
];

/// Each front-end module's code (comments and in-file test modules left out), by name.
fn sources() -> BTreeMap<String, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/frontend");
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("the front end's sources") {
        let path = entry.expect("a directory entry").path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if path.extension().is_none_or(|e| e != "rs") || stem == "tests" || stem == "layering" {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a readable source");
        let text = match text.find("#[cfg(test)]\nmod tests {") {
            Some(at) => &text[..at],
            None => &text[..],
        };
        let code: Vec<&str> = text
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .collect();
        out.insert(stem.to_string(), code.join("\n"));
    }
    out
}

fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The first segment of each entry of a `use` group `{a, b::{c, d}, e}`.
fn group_heads(group: &str) -> Vec<&str> {
    let mut heads = Vec::new();
    let (mut depth, mut start) = (0, 1);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' | ',' if depth == 1 => {
                heads.push(ident(group[start..i].trim()));
                start = i + 1;
                if c == '}' {
                    break;
                }
            }
            '}' => depth -= 1,
            _ => {}
        }
    }
    heads.into_iter().filter(|h| !h.is_empty()).collect()
}

/// The front-end modules `code` names (`mod` for items of mod.rs).
fn named(name: &str, code: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let as_module = |head: &str| {
        if modules.contains(head) {
            head.to_string()
        } else {
            "mod".to_string()
        }
    };
    let mut out = BTreeSet::new();
    for prefix in ["super::", "crate::frontend::"] {
        for (at, _) in code.match_indices(prefix) {
            let rest = &code[at + prefix.len()..];
            if rest.starts_with('{') {
                out.extend(group_heads(rest).into_iter().map(as_module));
            } else {
                out.insert(as_module(ident(rest)));
            }
        }
    }
    if name == "mod" {
        // The drivers name their children as `child::item`.
        for (at, _) in code.match_indices("::") {
            let before = &code[..at];
            let start = before
                .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .map_or(0, |i| i + 1);
            let head = &before[start..];
            if modules.contains(head) && !before[..start].ends_with(':') {
                out.insert(head.to_string());
            }
        }
    }
    out.remove(name);
    out
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let sources = sources();
    let modules: BTreeSet<String> = sources.keys().cloned().collect();
    sources
        .iter()
        .map(|(name, code)| (name.clone(), named(name, code, &modules)))
        .collect()
}

/// The modules reachable from `from` by one or more edges.
fn reachable(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut work: Vec<&str> = graph[from].iter().map(String::as_str).collect();
    while let Some(m) = work.pop() {
        if seen.insert(m.to_string()) {
            work.extend(graph.get(m).into_iter().flatten().map(String::as_str));
        }
    }
    seen
}

#[test]
fn the_front_ends_modules_form_no_cycle() {
    let graph = graph();
    assert!(
        graph.len() > 30,
        "the front end's modules were not all found"
    );
    let cyclic: Vec<&String> = graph
        .keys()
        .filter(|m| reachable(&graph, m).contains(*m))
        .collect();
    assert!(
        cyclic.is_empty(),
        "these front-end modules are on a cycle of `use` lines and paths: {cyclic:?}\n{graph:#?}"
    );
}

#[test]
fn the_leaves_and_the_shared_state_name_only_what_they_may() {
    let graph = graph();
    for (module, allowed) in LAYERS {
        let names = &graph[*module];
        for name in names {
            assert!(
                allowed.contains(&name.as_str()),
                "core/src/frontend/{module}.rs names {name}, which it must not depend on"
            );
        }
    }
}

#[test]
fn the_front_end_holds_no_global_state() {
    for (module, code) in sources() {
        for line in code.lines() {
            let line = line.trim_start();
            let is_static = line.starts_with("static ")
                || line.starts_with("pub static ")
                || line.starts_with("pub(crate) static ")
                || line.starts_with("pub(super) static ");
            assert!(
                !is_static && !line.contains("thread_local!"),
                "core/src/frontend/{module}.rs holds global state: {line}"
            );
        }
    }
}
