//! Diagnostics as data: a message anchored at a byte range of a source file.
//!
//! The front end never aborts and never prints: it returns diagnostics, and
//! the command-line edge renders them once with [`render`] as
//! `FILE:LINE:COL: error: message`, the source line and a caret.
//! Columns are 1-based and count code points, as Python's tools do.

use std::fmt::Write as _;

/// Index of a source file in a [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FileId(pub u32);

/// One error found in the user's input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: FileId,
    /// Byte offset of the start of the offending text.
    pub start: u32,
    /// Byte offset one past its end (equal to `start` for a point).
    pub end: u32,
    /// Lowercase, no trailing period; says what is wrong and, where it helps, what to do.
    pub message: String,
}

/// The sources the diagnostics refer to, with the paths to print for them.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

#[derive(Clone, Debug)]
struct SourceFile {
    display_path: String,
    text: String,
    /// The byte offset where each line after the first starts (after its
    /// terminator), so a diagnostic finds its line by binary search.
    line_starts: Vec<usize>,
}

impl SourceMap {
    /// Adds a file and returns its id.
    pub fn add(&mut self, display_path: String, text: String) -> FileId {
        let bytes = text.as_bytes();
        let line_starts = bytes
            .iter()
            .enumerate()
            .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
            .map(|(i, _)| i + 1)
            .collect();
        self.files.push(SourceFile {
            display_path,
            text,
            line_starts,
        });
        FileId(self.files.len() as u32 - 1)
    }

    /// Every file, in the order added.
    pub fn files(&self) -> impl Iterator<Item = FileId> + use<> {
        (0..self.files.len() as u32).map(FileId)
    }

    /// The path printed for a file.
    pub fn path(&self, file: FileId) -> &str {
        &self.files[file.0 as usize].display_path
    }

    /// A file's text.
    pub fn text(&self, file: FileId) -> &str {
        &self.files[file.0 as usize].text
    }

    /// 1-based line and code-point column of a byte offset.
    ///
    /// Lines end as Python's do, at `\n`, `\r\n` or a lone `\r`; a byte-order
    /// mark at the start of the file is not part of the first line.
    pub fn line_col(&self, file: FileId, offset: u32) -> (usize, usize) {
        let text = self.text(file);
        let offset = skip_bom(text, floor_char_boundary(text, offset as usize));
        let line_start = line_start(text, offset);
        let line = self.files[file.0 as usize]
            .line_starts
            .partition_point(|&start| start <= line_start)
            + 1;
        let col = text[line_start..offset].chars().count() + 1;
        (line, col)
    }
}

/// The UTF-8 byte-order mark, which Python skips before the first line.
const BOM: &str = "\u{feff}";

/// `offset`, or the first offset after the file's byte-order mark if it points into it.
fn skip_bom(text: &str, offset: usize) -> usize {
    if text.starts_with(BOM) {
        offset.max(BOM.len())
    } else {
        offset
    }
}

/// The byte offset where the line holding `offset` starts (after a leading BOM).
fn line_start(text: &str, offset: usize) -> usize {
    let start = text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    if start == 0 && text.starts_with(BOM) {
        BOM.len().min(offset)
    } else {
        start
    }
}

/// The byte offset where the line starting at `start` ends (before its terminator).
fn line_end(text: &str, start: usize) -> usize {
    text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| start + i)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Renders one diagnostic: the `FILE:LINE:COL: error: message` line, the source line and a caret line.
pub fn render(diag: &Diagnostic, sources: &SourceMap) -> String {
    let text = sources.text(diag.file);
    let start = skip_bom(text, floor_char_boundary(text, diag.start as usize));
    let (line, col) = sources.line_col(diag.file, start as u32);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}:{}:{}: error: {}",
        sources.path(diag.file),
        line,
        col,
        diag.message
    );
    let line_start = line_start(text, start);
    let line_end = line_end(text, line_start);
    let source_line = &text[line_start..line_end];
    if !source_line.trim().is_empty() {
        let end = floor_char_boundary(text, (diag.end as usize).max(start)).min(line_end);
        // A very long line is shown as a window around the error, marked with `...`.
        let before: Vec<char> = text[line_start..start].chars().collect();
        let after: Vec<char> = text[start..line_start + source_line.len().max(start - line_start)]
            .chars()
            .collect();
        let skip = before.len().saturating_sub(WINDOW);
        let shown_after = after.len().min(WINDOW);
        let width = text[start..end]
            .chars()
            .count()
            .clamp(1, shown_after.max(1));
        let mut line = String::new();
        if skip > 0 {
            line.push_str("...");
        }
        line.extend(&before[skip..]);
        line.extend(&after[..shown_after]);
        if shown_after < after.len() {
            line.push_str("...");
        }
        let _ = writeln!(out, "    {line}");
        let mut pad: String = if skip > 0 {
            "   ".into()
        } else {
            String::new()
        };
        pad.extend(
            before[skip..]
                .iter()
                .map(|&c| if c == '\t' { '\t' } else { ' ' }),
        );
        let _ = writeln!(out, "    {pad}{}", "^".repeat(width));
    }
    out
}

/// How many characters of a long source line are shown on each side of a diagnostic's column.
const WINDOW: usize = 100;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_line_column_and_caret() {
        let mut map = SourceMap::default();
        let f = map.add("a.py".into(), "x = 1\ny = é + 2\n".into());
        let d = Diagnostic {
            file: f,
            start: 13,
            end: 14,
            message: "bad".into(),
        };
        assert_eq!(
            render(&d, &map),
            "a.py:2:7: error: bad\n    y = é + 2\n          ^\n"
        );
    }

    #[test]
    fn lines_end_at_cr_lf_and_crlf_and_the_bom_is_no_column() {
        let mut map = SourceMap::default();
        let f = map.add("a.py".into(), "\u{feff}x = 1\ry = 2\r\nz = q\n".into());
        let d = Diagnostic {
            file: f,
            start: 20,
            end: 21,
            message: "bad".into(),
        };
        assert_eq!(
            render(&d, &map),
            "a.py:3:5: error: bad\n    z = q\n        ^\n"
        );
        let at_start = Diagnostic {
            file: f,
            start: 0,
            end: 4,
            message: "first".into(),
        };
        assert_eq!(
            render(&at_start, &map),
            "a.py:1:1: error: first\n    x = 1\n    ^\n"
        );
    }
}
