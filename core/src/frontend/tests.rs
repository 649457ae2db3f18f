//! In-process tests of the front end: source text in, diagnostics out, with no
//! file system, no backend and no linker. The resource limits live here (a test
//! per row of the limits table in `planning/LIMITS.md`), since their inputs are
//! too big to keep as files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::{SourceLoader, check_program};
use crate::diag::render;

/// Source files held in memory.
struct MemLoader(HashMap<PathBuf, String>);

impl SourceLoader for MemLoader {
    fn read_file(&self, path: &Path) -> Option<String> {
        self.0.get(path).cloned()
    }

    fn is_dir(&self, _path: &Path) -> bool {
        false
    }
}

/// The stack the command line gives the translator (`cli/src/main.rs`).
const COMPILER_STACK: usize = 256 << 20;

/// Checks `main.py` holding `source`, on a thread with the translator's stack;
/// returns the rendered diagnostics, one string each.
pub(super) fn check(source: &str) -> Vec<String> {
    let loader = MemLoader(HashMap::from([(
        PathBuf::from("main.py"),
        source.to_string(),
    )]));
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(COMPILER_STACK)
            .spawn_scoped(scope, || {
                let out = check_program(Path::new("main.py"), &loader);
                out.diagnostics
                    .iter()
                    .map(|d| render(d, &out.sources))
                    .collect()
            })
            .expect("spawning the checker thread")
            .join()
            .expect("the checker panicked")
    })
}

/// A `main` whose body is `body` (indented by four spaces already).
pub(super) fn program(body: &str) -> String {
    format!("def main(argv: list[str]) -> int:\n    x = len(argv)\n{body}    return 0\n")
}

/// An `if` with `n` `elif` clauses.
fn elif_chain(n: usize) -> String {
    let mut body = String::from("    if x == 0:\n        print(0)\n");
    for i in 1..=n {
        body.push_str(&format!("    elif x == {i}:\n        print({i})\n"));
    }
    program(&body)
}

#[test]
fn a_long_elif_chain_is_accepted() {
    assert_eq!(
        check(&elif_chain(super::stmts::MAX_ELIF_DEPTH)),
        Vec::<String>::new()
    );
}

#[test]
fn an_elif_chain_past_the_limit_is_one_error() {
    let diags = check(&elif_chain(super::stmts::MAX_ELIF_DEPTH + 1));
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(
        diags[0].starts_with(&format!(
            "main.py:{}:5: error: too many elif clauses: more than {} in one chain",
            2 * super::stmts::MAX_ELIF_DEPTH + 5,
            super::stmts::MAX_ELIF_DEPTH
        )),
        "{}",
        diags[0]
    );
}

/// A chain of `n` classes, `C0` the root; `main` checks an instance of class `last`.
fn class_chain(n: usize, last: usize) -> String {
    let mut src = String::from("class C0:\n    pass\n\n\n");
    for i in 1..n {
        src.push_str(&format!("class C{i}(C{}):\n    pass\n\n\n", i - 1));
    }
    src.push_str(&format!(
        "def main(argv: list[str]) -> int:\n    c: C0 = C{last}()\n    print(isinstance(c, C0))\n    return 0\n"
    ));
    src
}

#[test]
fn a_hierarchy_at_the_depth_limit_is_accepted() {
    assert_eq!(
        check(&class_chain(
            super::classes::MAX_CLASS_DEPTH,
            super::classes::MAX_CLASS_DEPTH - 1
        )),
        Vec::<String>::new()
    );
}

#[test]
fn a_hierarchy_past_the_depth_limit_is_refused_at_each_class_too_deep() {
    let depth = super::classes::MAX_CLASS_DEPTH;
    let diags = check(&class_chain(depth + 2, 1));
    assert_eq!(diags.len(), 2, "{diags:?}");
    assert!(
        diags[0].starts_with(&format!(
            "main.py:{}:7: error: class hierarchy too deep: 'C{depth}' has more than {depth} levels",
            4 * depth + 1
        )),
        "{}",
        diags[0]
    );
}

#[test]
fn a_class_with_too_many_fields_is_refused() {
    let max = super::classes::MAX_FIELDS;
    let mut src = String::from("class Base:\n");
    for i in 0..max / 2 {
        src.push_str(&format!("    a{i}: int\n"));
    }
    src.push_str("\n\nclass Big(Base):\n");
    for i in 0..=max / 2 {
        src.push_str(&format!("    b{i}: int\n"));
    }
    src.push_str("\n\ndef main(argv: list[str]) -> int:\n    return 0\n");
    let diags = check(&src);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(
        diags[0].contains(&format!(
            "error: too many fields: class 'Big' has {} with its base classes' (at most {max})",
            max + 1
        )),
        "{}",
        diags[0]
    );
}

#[test]
fn an_inheritance_cycle_is_one_error_per_class_in_it() {
    let src = "class A(B):\n    pass\n\n\nclass B(A):\n    pass\n\n\nclass C(A):\n    pass\n\n\n\
               def main(argv: list[str]) -> int:\n    return 0\n";
    let diags = check(src);
    assert_eq!(diags.len(), 2, "{diags:?}");
    assert!(
        diags.iter().all(|d| d.contains("inherits from itself")),
        "{diags:?}"
    );
}

#[test]
fn a_source_file_past_the_size_limit_is_one_error() {
    let max = super::modules::MAX_SOURCE_BYTES;
    let mut src = program("");
    let comment = "# padding\n";
    while src.len() <= max {
        src.push_str(comment);
    }
    let diags = check(&src);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(
        diags[0].starts_with(&format!(
            "main.py:1:1: error: source file too large: {} bytes (at most {} MiB",
            src.len(),
            max >> 20
        )),
        "{}",
        diags[0]
    );
}

#[test]
fn expressions_nested_past_the_checker_limit_are_one_error() {
    // No brackets: the textual nesting guard lets this through, the checker refuses it.
    let nots = "not ".repeat(200);
    let diags = check(&program(&format!("    b = {nots}True\n    print(b)\n")));
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(
        diags[0].contains("error: nesting too deep: more than 150 levels"),
        "{}",
        diags[0]
    );
}

// ---- input and output ----

#[test]
fn files_streams_with_and_sys_exit_are_accepted() {
    let src = "import sys\nfrom typing import IO, TextIO\n\n\
        def copy(src: TextIO, dst: IO[str]) -> int:\n    n = 0\n    for line in src:\n        n += dst.write(line)\n    return n\n\n\
        def fail() -> int:\n    sys.exit(2)\n\n\
        def main(argv: list[str]) -> int:\n    \
        with open(argv[0]) as f, open(argv[0] + '.out', 'w', encoding='utf-8') as g:\n        copy(f, g)\n    \
        print('x', file=sys.stderr, flush=True)\n    \
        if input('> ') == '':\n        return fail()\n    \
        return len(sys.stdin.readlines())\n";
    assert_eq!(check(src), Vec::<String>::new());
}

#[test]
fn io_refusals_say_what_is_supported() {
    let cases = [
        (
            "    open('p', 'rb')\n",
            "only the text modes 'r', 'w' and 'a' are",
        ),
        (
            "    m = 'r'\n    open('p', m)\n",
            "must be a string literal",
        ),
        (
            "    open('p', encoding='ascii')\n",
            "only encoding=\"utf-8\"",
        ),
        (
            "    with [1] as y:\n        pass\n",
            "cannot be used in 'with' (only files can)",
        ),
        ("    open('p').seek(0)\n", "TextIO has no method 'seek'"),
        ("    raise SystemExit(3)\n", "call sys.exit(status)"),
    ];
    for (body, want) in cases {
        let out = check(&program(body));
        assert!(
            out.len() == 1 && out[0].contains(want),
            "{body:?}: expected one error containing {want:?}, got {out:?}"
        );
    }
    let out = check(
        "import sys\n\ndef main(argv: list[str]) -> int:\n    y = sys.exit(1)\n    return 0\n",
    );
    assert!(
        out.len() == 1 && out[0].contains("must be a statement of its own"),
        "{out:?}"
    );
}

// ---- string formatting: literal specs and formats are checked here ----

/// The first line of each diagnostic for `body`.
fn first_lines(body: &str) -> Vec<String> {
    check(&program(body))
        .iter()
        .map(|d| d.lines().next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn valid_format_specs_and_formats_are_accepted() {
    let body = "    f = 1.5\n    s = 'a'\n    print(f'{x:>8,} {f:.3f} {s!r:^9} {x:{x}}', '{} {k:x}'.format(s, k=x), '%5.1f%%' % f, '%s %d' % (s, x))\n";
    assert_eq!(first_lines(body), Vec::<String>::new());
}

#[test]
fn literal_specs_cpython_rejects_are_refused_with_its_message() {
    assert_eq!(
        first_lines("    print(f'{x:.2}')\n"),
        [
            "main.py:3:13: error: this format spec raises ValueError under CPython: Precision not allowed in integer format specifier"
        ]
    );
    assert_eq!(
        first_lines("    print('{:s}'.format(x))\n"),
        [
            "main.py:3:11: error: this format string raises ValueError under CPython: Unknown format code 's' for object of type 'int'"
        ]
    );
    assert_eq!(
        first_lines("    print('%s %s' % (x, x, x))\n"),
        [
            "main.py:3:11: error: this '%' format raises TypeError under CPython: not all arguments converted during string formatting"
        ]
    );
}

#[test]
fn specs_known_only_at_run_time_are_left_to_the_runtime() {
    assert_eq!(
        first_lines("    w = 'd'\n    f = 2.5\n    print(f'{f:{w}}', format(f, w))\n"),
        Vec::<String>::new()
    );
}

// ---- dunder methods, `object` and narrowing through `and`/`or` ----

/// A pair class with an `eq` method and a `__eq__`, and `rest` appended to the module.
fn pair_program(rest: &str) -> String {
    format!(
        "class W:\n    def eq(self, o: \"W\") -> bool:\n        return self is o\n\n\n\
         class P(W):\n    car: W\n\n    def __init__(self, car: W) -> None:\n        self.car = car\n\n\
         \x20   def __eq__(self, other: object) -> bool:\n        return isinstance(other, P) and self.car.eq(other.car)\n\n\n\
         {rest}\n\n\ndef main(argv: list[str]) -> int:\n    return 0\n"
    )
}

#[test]
fn narrowing_reaches_the_right_operand_of_a_value_and() {
    let src = pair_program("def f(o: W) -> bool:\n    return not isinstance(o, P) or o.car.eq(o)");
    assert_eq!(check(&src), Vec::<String>::new());
}

#[test]
fn an_unsupported_dunder_is_refused_by_name() {
    let src = pair_program("class V:\n    def __add__(self, o: \"V\") -> \"V\":\n        return o");
    let diags = check(&src);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(
        diags[0].contains("error: dunder method '__add__' is not supported"),
        "{}",
        diags[0]
    );
}

#[test]
fn eq_must_take_object() {
    let src = pair_program(
        "class V:\n    def __eq__(self, o: \"V\") -> bool:  # type: ignore[override]\n        return True",
    );
    let diags = check(&src);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(
        diags[0].contains("must be declared as 'def __eq__(self, other: object) -> bool'"),
        "{}",
        diags[0]
    );
}
