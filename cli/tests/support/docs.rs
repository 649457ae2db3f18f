//! The complete programs in the documentation, so the docs cannot drift from
//! what Seam does: `ext.rs` runs each three ways and `mypy.rs` type-checks it.
//!
//! Scanned: `README.md` and every `docs/*.md`. A program is written as fenced
//! ```` ```python ```` blocks in one of two ways:
//!
//! ```text
//!   # main.py ...            a block whose first line names a file (`# NAME.py`,
//!   <code>                   anything after the name is a comment) is that file of
//!                            a program; consecutive named blocks form one program,
//!                            until a name repeats. main.py is the core, ext*.py
//!                            its extensions, any other name a core module.
//!
//!   <code>                   an unnamed block that defines `def main(` is a
//!   def main(argv: ...       complete single-file program (its main.py).
//! ```
//!
//! Other Python blocks are fragments and are not run. A ```` ```text ```` block
//! right after a program whose first line is `# output` holds its expected
//! stdout (the rest of the block); without one, the program's expectation is
//! what CPython prints.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// One complete program found in the documentation.
pub struct DocProgram {
    /// `STEM-N`: the document's file stem and the program's position in it.
    pub name: String,
    /// Where it starts, for reports: `docs/language.md:120`.
    pub origin: String,
    /// File names and contents, in the order written; `main.py` among them.
    pub files: Vec<(String, String)>,
    /// The stdout the document shows, when it shows one.
    pub output: Option<String>,
}

impl DocProgram {
    /// Writes the program's files into `dir`, creating it.
    pub fn write_to(&self, dir: &Path) -> Result<()> {
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        for (name, text) in &self.files {
            let path = dir.join(name);
            fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
        }
        Ok(())
    }

    /// The extension modules' file names (`ext*.py`), sorted.
    pub fn extensions(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .files
            .iter()
            .map(|(name, _)| name.clone())
            .filter(|n| n.starts_with("ext") && n.ends_with(".py"))
            .collect();
        out.sort();
        out
    }
}

/// Every complete program in `README.md` and `docs/*.md` under `root`.
pub fn programs(root: &Path) -> Result<Vec<DocProgram>> {
    let mut docs: Vec<PathBuf> = vec![root.join("README.md")];
    let dir = root.join("docs");
    if dir.is_dir() {
        let mut found = Vec::new();
        for entry in fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "md") {
                found.push(path);
            }
        }
        found.sort();
        docs.extend(found);
    }
    let mut out = Vec::new();
    for doc in docs {
        let text =
            fs::read_to_string(&doc).with_context(|| format!("reading {}", doc.display()))?;
        let rel = doc.strip_prefix(root).unwrap_or(&doc).display().to_string();
        let stem = doc
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_lowercase();
        out.extend(programs_in(&text, &rel, &stem)?);
    }
    Ok(out)
}

/// A fenced block: its info string, first line number (1-based) and body.
struct Block {
    info: String,
    line: usize,
    body: String,
}

fn blocks(text: &str, doc: &str) -> Result<Vec<Block>> {
    let mut out = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        let Some(info) = line.trim_start().strip_prefix("```") else {
            continue;
        };
        let mut body = String::new();
        let mut closed = false;
        for (_, inner) in lines.by_ref() {
            if inner.trim_start().starts_with("```") {
                closed = true;
                break;
            }
            body.push_str(inner);
            body.push('\n');
        }
        if !closed {
            bail!("{doc}:{}: code block is never closed", i + 1);
        }
        out.push(Block {
            info: info.trim().to_string(),
            line: i + 1,
            body,
        });
    }
    Ok(out)
}

/// The file a named block is: `# main.py (the core)` names `main.py`.
fn file_name(body: &str) -> Option<String> {
    let first = body.lines().next()?.strip_prefix("# ")?;
    let name = first.split_whitespace().next()?;
    let valid = name.ends_with(".py")
        && name.len() > 3
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
    valid.then(|| name.to_string())
}

fn programs_in(text: &str, doc: &str, stem: &str) -> Result<Vec<DocProgram>> {
    let mut out: Vec<DocProgram> = Vec::new();
    // Whether the last program may still take named blocks or an output block.
    let mut open = false;
    for block in blocks(text, doc)? {
        match block.info.as_str() {
            "python" | "py" => {
                if let Some(name) = file_name(&block.body) {
                    let continues = open
                        && out
                            .last()
                            .is_some_and(|p| p.files.iter().all(|(n, _)| *n != name));
                    if !continues {
                        out.push(DocProgram {
                            name: format!("{stem}-{}", out.len() + 1),
                            origin: format!("{doc}:{}", block.line),
                            files: Vec::new(),
                            output: None,
                        });
                    }
                    if let Some(program) = out.last_mut() {
                        program.files.push((name, block.body));
                    }
                    open = true;
                } else if block.body.contains("def main(") {
                    out.push(DocProgram {
                        name: format!("{stem}-{}", out.len() + 1),
                        origin: format!("{doc}:{}", block.line),
                        files: vec![("main.py".to_string(), block.body)],
                        output: None,
                    });
                    open = true;
                } else {
                    open = false;
                }
            }
            "text" if open && block.body.starts_with("# output\n") => {
                if let Some(program) = out.last_mut() {
                    program.output = Some(block.body["# output\n".len()..].to_string());
                }
                open = false;
            }
            _ => open = false,
        }
    }
    for program in &out {
        if !program.files.iter().any(|(n, _)| n == "main.py") {
            bail!(
                "{}: a documented program needs a main.py block (its files: {})",
                program.origin,
                program
                    .files
                    .iter()
                    .map(|(n, _)| n.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    Ok(out)
}
