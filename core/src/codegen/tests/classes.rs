//! Classes and exceptions: descriptors, `New`, fields, virtual calls,
//! `isinstance`, `raise`, `try`/`except`/`else`/`finally`, and exceptions
//! crossing function boundaries; emitted and verified always, linked and run
//! when the runtime library is built.

use super::*;
use crate::tir::{Class, ClassId, Field, Handler, VtableEntry};

// ---- building class tables by hand ----

/// A class table under construction: fields are laid out and ids numbered by [`Classes::finish`].
pub(super) struct Classes {
    list: Vec<Class>,
}

impl Classes {
    /// The builtin exception classes, at the indices of [`ExcKind::ALL`].
    pub(super) fn builtin() -> Classes {
        let mut classes = Classes { list: Vec::new() };
        for kind in ExcKind::ALL {
            let parent = kind.parent().map(|p| ClassId(p as u32));
            let fields: &[(&str, Type)] = if parent.is_none() {
                &[("message", Type::Str)]
            } else {
                &[]
            };
            let id = classes.add(kind.name(), parent, fields, Vec::new());
            let c = &mut classes.list[id.0 as usize];
            c.is_exception = true;
            c.builtin = Some(kind);
            c.symbol = format!("seam_class_builtin_{}", kind.name());
        }
        classes
    }

    /// Adds a class inheriting `parent`'s fields and exception-ness; `vtable`
    /// is the whole table (inherited slots included).
    pub(super) fn add(
        &mut self,
        name: &str,
        parent: Option<ClassId>,
        fields: &[(&str, Type)],
        vtable: Vec<(&str, u32)>,
    ) -> ClassId {
        let (mut all_fields, is_exception) = match parent {
            Some(p) => {
                let p = &self.list[p.0 as usize];
                (p.fields.clone(), p.is_exception)
            }
            None => (Vec::new(), false),
        };
        for (name, ty) in fields {
            all_fields.push(Field {
                name: name.to_string(),
                ty: ty.clone(),
                offset: 8 + 8 * all_fields.len() as i32,
            });
        }
        let id = ClassId(self.list.len() as u32);
        self.list.push(Class {
            name: format!("test.{name}"),
            symbol: format!("seam_class_test_{name}"),
            parent,
            id: 0,
            id_max: 0,
            slack_start: 0,
            size: 8 + 8 * all_fields.len() as u32,
            fields: all_fields,
            vtable: vtable
                .into_iter()
                .map(|(name, f)| VtableEntry {
                    name: name.to_string(),
                    func: FuncId(f),
                    is_final: false,
                })
                .collect(),
            is_exception,
            is_final: false,
            builtin: None,
            ids_at_load: false,
            init_lends_self: false,
        });
        id
    }

    /// Numbers the classes in preorder: each class's range covers its subclasses.
    pub(super) fn finish(mut self) -> Vec<Class> {
        fn number(list: &mut [Class], class: usize, next: &mut u32) {
            list[class].id = *next;
            *next += 1;
            for child in 0..list.len() {
                if list[child].parent == Some(ClassId(class as u32)) {
                    number(list, child, next);
                }
            }
            list[class].id_max = *next;
            list[class].slack_start = *next;
        }
        let mut next = 0;
        for root in 0..self.list.len() {
            if self.list[root].parent.is_none() {
                number(&mut self.list, root, &mut next);
            }
        }
        self.list
    }
}

/// The builtin exception classes alone, numbered.
pub(super) fn builtin_classes() -> Vec<Class> {
    Classes::builtin().finish()
}

pub(super) fn builtin(kind: ExcKind) -> ClassId {
    ClassId(kind as u32)
}

/// String literals, interned as the test builds its functions.
#[derive(Default)]
pub(super) struct Lits(pub(super) Vec<String>);

impl Lits {
    pub(super) fn get(&mut self, s: &str) -> Expr {
        let id = match self.0.iter().position(|t| t == s) {
            Some(i) => i,
            None => {
                self.0.push(s.to_string());
                self.0.len() - 1
            }
        };
        lit(id as u32)
    }
}

pub(super) fn concat(a: Expr, b: Expr) -> Expr {
    Expr::rt(Rt::StrConcat, vec![a, b], Type::Str)
}

pub(super) fn new(class: ClassId) -> Expr {
    Expr::new(ExprKind::New(class), Type::Instance(class))
}

pub(super) fn store(base: &Expr, offset: i32, value: Expr) -> Stmt {
    Stmt::StoreField {
        base: base.clone(),
        offset,
        value,
    }
}

pub(super) fn message(e: &Expr) -> Expr {
    Expr::field(e.clone(), layout::EXC_MESSAGE, Type::Str)
}

pub(super) fn is_instance(value: &Expr, class: ClassId) -> Expr {
    Expr::new(
        ExprKind::IsInstance {
            value: Box::new(value.clone()),
            class,
        },
        Type::Bool,
    )
}

pub(super) fn try_stmt(
    body: Vec<Stmt>,
    handlers: Vec<Handler>,
    else_body: Vec<Stmt>,
    finally_body: Vec<Stmt>,
) -> Stmt {
    Stmt::Try {
        body,
        handlers,
        else_body,
        finally_body,
    }
}

pub(super) fn handler(classes: &[ClassId], bind: &Expr, body: Vec<Stmt>) -> Handler {
    Handler {
        classes: classes.to_vec(),
        bind: id_of(bind),
        body,
    }
}

// Function indices of the program below.
const BASE_DESCRIBE: u32 = 0;
const DERIVED_DESCRIBE: u32 = 1;
const SHOW: u32 = 2;
const DIVIDE: u32 = 3;
const SAFE_DIV: u32 = 4;
const COUNT_TO: u32 = 5;
const RAISER: u32 = 6;
const NESTED: u32 = 7;
const RET_THROUGH_FINALLY: u32 = 8;
const HANDLER_ORDER: u32 = 9;
const ESCAPING: u32 = 10;

/// What [`object_model_program`] prints before main's uncaught exception.
const EXPECTED_STDOUT: &str = "\
base
derived 3
yes no yes
finally
3
caught integer division or modulo by zero
finally
-1
f1
f2
f2
2
inner finally
caught boom
cleanup 1
42
exception: integer division or modulo by zero
exception: boom
value-or-index: string index out of range
no error
main caught boom
fine
bee
";

/// A program exercising the object model and exceptions; see [`EXPECTED_STDOUT`].
/// `main` ends by calling `raiser(1)` outside any `try`: the program exits with
/// status 1 and the runtime prints `MyError: boom`.
fn object_model_program() -> Program {
    let mut classes = Classes::builtin();
    let base = classes.add(
        "Base",
        None,
        &[("x", Type::Int), ("name", Type::Str)],
        vec![("describe", BASE_DESCRIBE)],
    );
    let derived = classes.add(
        "Derived",
        Some(base),
        &[("y", Type::Int)],
        vec![("describe", DERIVED_DESCRIBE)],
    );
    let my_error = classes.add("MyError", Some(builtin(ExcKind::Exception)), &[], vec![]);
    let (x_off, name_off, y_off) = (8, 16, 24);
    let base_ty = Type::Instance(base);
    let derived_ty = Type::Instance(derived);
    let mut s = Lits::default();
    let nl = |s: &mut Lits| write(s.get("\n"));

    // def Base.describe(self) -> str: return "base"
    // (nothing allocated: allocation may raise MemoryError, and this one must not raise)
    let mut f = FnBuilder::new("Base.describe", Type::Str);
    f.param("self", base_ty.clone());
    let base_describe = f.body(vec![ret(s.get("base"))]);

    // def Derived.describe(self) -> str: return "derived " + str(self.x + self.y)
    let mut f = FnBuilder::new("Derived.describe", Type::Str);
    let this = f.param("self", derived_ty.clone());
    let derived_describe = f.body(vec![ret(concat(
        s.get("derived "),
        str_of_int(int_op(
            BinaryOp::IntAdd,
            Expr::field(this.clone(), x_off, Type::Int),
            Expr::field(this.clone(), y_off, Type::Int),
        )),
    ))]);

    // def show(b: Base) -> None: print(b.describe())
    let mut f = FnBuilder::new("show", Type::None);
    let b = f.param("b", base_ty.clone());
    let show = f.body(vec![
        write(Expr::new(
            ExprKind::VirtualCall {
                slot: 0,
                func: FuncId(BASE_DESCRIBE),
                args: vec![b.clone()],
            },
            Type::Str,
        )),
        nl(&mut s),
    ]);

    // def divide(a: int, b: int) -> int: return a // b
    let mut f = FnBuilder::new("divide", Type::Int);
    let a = f.param("a", Type::Int);
    let b = f.param("b", Type::Int);
    let divide = f.body(vec![ret(Expr::rt(
        Rt::IntFloorDiv,
        vec![a.clone(), b.clone()],
        Type::Int,
    ))]);

    // def safe_div(a: int, b: int) -> int:
    //     try: return divide(a, b)
    //     except ZeroDivisionError as e: print("caught " + e.message); return -1
    //     finally: print("finally")
    let mut f = FnBuilder::new("safe_div", Type::Int);
    let a = f.param("a", Type::Int);
    let b = f.param("b", Type::Int);
    let e = f.local("e", Type::Instance(builtin(ExcKind::ZeroDivisionError)));
    let safe_div = f.body(vec![try_stmt(
        vec![ret(call(DIVIDE, vec![a.clone(), b.clone()], Type::Int))],
        vec![handler(
            &[builtin(ExcKind::ZeroDivisionError)],
            &e,
            vec![
                write(concat(s.get("caught "), message(&e))),
                nl(&mut s),
                ret(Expr::int(-1)),
            ],
        )],
        vec![],
        vec![write(s.get("finally")), nl(&mut s)],
    )]);

    // def count_to(n: int) -> int:
    //     i = 0
    //     while True:
    //         try:
    //             if i == n: break
    //             i = i + 1
    //             continue
    //         finally: print("f" + str(i))
    //     return i
    let mut f = FnBuilder::new("count_to", Type::Int);
    let n = f.param("n", Type::Int);
    let i = f.local("i", Type::Int);
    let count_to = f.body(vec![
        assign(&i, Expr::int(0)),
        Stmt::While {
            cond: Expr::bool(true),
            body: vec![try_stmt(
                vec![
                    Stmt::If {
                        cond: cmp(BinaryOp::IntEq, i.clone(), n.clone()),
                        then_body: vec![Stmt::Break],
                        else_body: vec![],
                    },
                    assign(&i, int_op(BinaryOp::IntAdd, i.clone(), Expr::int(1))),
                    Stmt::Continue,
                ],
                vec![],
                vec![],
                vec![write(concat(s.get("f"), str_of_int(i.clone()))), nl(&mut s)],
            )],
        },
        ret(i.clone()),
    ]);

    // def raiser(n: int) -> int:
    //     if n > 0: e = MyError(); e.message = "boom"; raise e
    //     return n
    let mut f = FnBuilder::new("raiser", Type::Int);
    let n = f.param("n", Type::Int);
    let e = f.local("e", Type::Instance(my_error));
    let raiser = f.body(vec![
        Stmt::If {
            cond: cmp(BinaryOp::IntGt, n.clone(), Expr::int(0)),
            then_body: vec![
                assign(&e, new(my_error)),
                store(&e, layout::EXC_MESSAGE, s.get("boom")),
                Stmt::Raise(e.clone()),
            ],
            else_body: vec![],
        },
        ret(n.clone()),
    ]);

    // def nested() -> str:
    //     try:
    //         try: raiser(1)
    //         finally: print("inner finally")
    //         print("not reached")
    //     except MyError as e: return "caught " + e.message
    //     return "no"
    let mut f = FnBuilder::new("nested", Type::Str);
    let e = f.local("e", Type::Instance(my_error));
    let nested = f.body(vec![
        try_stmt(
            vec![
                try_stmt(
                    vec![Stmt::Expr(call(RAISER, vec![Expr::int(1)], Type::Int))],
                    vec![],
                    vec![],
                    vec![write(s.get("inner finally")), nl(&mut s)],
                ),
                write(s.get("not reached")),
            ],
            vec![handler(
                &[my_error],
                &e,
                vec![ret(concat(s.get("caught "), message(&e)))],
            )],
            vec![],
            vec![],
        ),
        ret(s.get("no")),
    ]);

    // def ret_through_finally() -> str:
    //     try: return str(42)
    //     finally: print("cleanup " + str(1))
    let ret_through_finally =
        FnBuilder::new("ret_through_finally", Type::Str).body(vec![try_stmt(
            vec![ret(str_of_int(Expr::int(42)))],
            vec![],
            vec![],
            vec![
                write(concat(s.get("cleanup "), str_of_int(Expr::int(1)))),
                nl(&mut s),
            ],
        )]);

    // def handler_order(n: int) -> str:
    //     try:
    //         if n == 0: n = 1 // 0
    //         if n == 1: raiser(1)
    //         if n == 2: ""[5]
    //     except (ValueError, IndexError) as e: return "value-or-index: " + e.message
    //     except Exception as e: return "exception: " + e.message
    //     else: return "no error"
    let mut f = FnBuilder::new("handler_order", Type::Str);
    let n = f.param("n", Type::Int);
    let e1 = f.local("e1", Type::Instance(builtin(ExcKind::Exception)));
    let e2 = f.local("e2", Type::Instance(builtin(ExcKind::Exception)));
    let when = |k: i64, then: Stmt| Stmt::If {
        cond: cmp(BinaryOp::IntEq, n.clone(), Expr::int(k)),
        then_body: vec![then],
        else_body: vec![],
    };
    let handler_order = f.body(vec![try_stmt(
        vec![
            when(
                0,
                assign(
                    &n,
                    Expr::rt(Rt::IntFloorDiv, vec![Expr::int(1), Expr::int(0)], Type::Int),
                ),
            ),
            when(1, Stmt::Expr(call(RAISER, vec![Expr::int(1)], Type::Int))),
            when(
                2,
                Stmt::Expr(Expr::rt(
                    Rt::StrGetItem,
                    vec![s.get(""), Expr::int(5)],
                    Type::Str,
                )),
            ),
        ],
        vec![
            handler(
                &[builtin(ExcKind::ValueError), builtin(ExcKind::IndexError)],
                &e1,
                vec![ret(concat(s.get("value-or-index: "), message(&e1)))],
            ),
            handler(
                &[builtin(ExcKind::Exception)],
                &e2,
                vec![ret(concat(s.get("exception: "), message(&e2)))],
            ),
        ],
        vec![ret(s.get("no error"))],
        vec![],
    )]);

    // def escaping(n: int) -> str:
    //     try: raiser(n)
    //     except ValueError as e: return "wrong"
    //     return "fine"
    let mut f = FnBuilder::new("escaping", Type::Str);
    let n = f.param("n", Type::Int);
    let e = f.local("e", Type::Instance(builtin(ExcKind::ValueError)));
    let escaping = f.body(vec![
        try_stmt(
            vec![Stmt::Expr(call(RAISER, vec![n.clone()], Type::Int))],
            vec![handler(
                &[builtin(ExcKind::ValueError)],
                &e,
                vec![ret(s.get("wrong"))],
            )],
            vec![],
            vec![],
        ),
        ret(s.get("fine")),
    ]);

    let mut f = FnBuilder::new("main", Type::Int);
    let _argv = f.param("argv", list_str());
    let d = f.local("d", derived_ty.clone());
    let b = f.local("b", base_ty.clone());
    let e = f.local("e", Type::Instance(my_error));
    let yes_no = |s: &mut Lits, cond: Expr| {
        Expr::new(
            ExprKind::IfElse {
                cond: Box::new(cond),
                then: Box::new(s.get("yes")),
                otherwise: Box::new(s.get("no")),
            },
            Type::Str,
        )
    };
    let print_str = |s: &mut Lits, e: Expr| vec![write(e), nl(s)];
    let print_int = |s: &mut Lits, e: Expr| vec![write(str_of_int(e)), nl(s)];
    let mut body = vec![
        assign(&d, new(derived)),
        store(&d, x_off, Expr::int(1)),
        store(&d, y_off, Expr::int(2)),
        assign(&b, new(base)),
        store(&b, x_off, Expr::int(5)),
        store(&b, name_off, str_of_int(Expr::int(0))),
        store(&b, name_off, s.get("bee")),
        Stmt::Expr(call(SHOW, vec![b.clone()], Type::None)),
        Stmt::Expr(call(SHOW, vec![d.clone()], Type::None)),
        write(yes_no(&mut s, is_instance(&d, base))),
        write(s.get(" ")),
        write(yes_no(&mut s, is_instance(&b, derived))),
        write(s.get(" ")),
        write(yes_no(&mut s, is_instance(&d, derived))),
        nl(&mut s),
    ];
    body.extend(print_int(
        &mut s,
        call(SAFE_DIV, vec![Expr::int(7), Expr::int(2)], Type::Int),
    ));
    body.extend(print_int(
        &mut s,
        call(SAFE_DIV, vec![Expr::int(1), Expr::int(0)], Type::Int),
    ));
    body.extend(print_int(
        &mut s,
        call(COUNT_TO, vec![Expr::int(2)], Type::Int),
    ));
    body.extend(print_str(&mut s, call(NESTED, vec![], Type::Str)));
    body.extend(print_str(
        &mut s,
        call(RET_THROUGH_FINALLY, vec![], Type::Str),
    ));
    for k in 0..4 {
        body.extend(print_str(
            &mut s,
            call(HANDLER_ORDER, vec![Expr::int(k)], Type::Str),
        ));
    }
    let caught = concat(s.get("main caught "), message(&e));
    body.push(try_stmt(
        print_str(&mut s, call(ESCAPING, vec![Expr::int(1)], Type::Str)),
        vec![handler(&[my_error], &e, print_str(&mut s, caught))],
        vec![],
        vec![],
    ));
    body.extend(print_str(
        &mut s,
        call(ESCAPING, vec![Expr::int(0)], Type::Str),
    ));
    // The reference field survived every collection above.
    body.extend(print_str(
        &mut s,
        Expr::field(b.clone(), name_off, Type::Str),
    ));
    body.push(Stmt::Expr(call(RAISER, vec![Expr::int(1)], Type::Int)));
    body.push(ret(Expr::int(0)));
    let main = f.body(body);

    let mut program = Program {
        functions: vec![
            base_describe,
            derived_describe,
            show,
            divide,
            safe_div,
            count_to,
            raiser,
            nested,
            ret_through_finally,
            handler_order,
            escaping,
            main,
        ],
        classes: classes.finish(),
        strings: s.0,
        main: FuncId(ESCAPING + 1),
        ..Program::default()
    };
    crate::analysis::compute_can_raise(&mut program);
    program
}

// ---- tests ----

#[test]
fn class_ids_are_numbered_in_preorder() {
    let p = object_model_program();
    let c = |i: usize| (p.classes[i].id, p.classes[i].id_max);
    // Exception covers every builtin but SystemExit, and MyError; NotImplementedError
    // nests in RuntimeError; SystemExit is a root of its own.
    let n = ExcKind::ALL.len();
    assert_eq!(c(ExcKind::Exception as usize), (0, n as u32));
    assert_eq!(c(ExcKind::SystemExit as usize), (n as u32, n as u32 + 1));
    assert_eq!(
        c(ExcKind::RuntimeError as usize).1,
        c(ExcKind::RecursionError as usize).1
    );
    assert!(c(ExcKind::NotImplementedError as usize).1 < c(ExcKind::RuntimeError as usize).1);
    // Base, then Derived inside its range.
    let n = n as u32;
    assert_eq!(
        (c(n as usize), c(n as usize + 1)),
        ((n + 1, n + 3), (n + 2, n + 3))
    );
}

#[test]
fn object_model_program_lowers_and_verifies() {
    let program = object_model_program();
    for opt_level in [OptLevel::None, OptLevel::Speed] {
        let (obj, frames) = emit_with(&program, opt_level);
        for class in &program.classes {
            assert!(contains(&obj, class.symbol.as_bytes()), "{}", class.symbol);
        }
        assert!(contains(&obj, b"test.Derived\0"));
        // Reference locals and nothing else, except where a finally needs a temporary.
        assert_eq!(frame_of(&frames, "test.divide"), None);
        assert_eq!(frame_of(&frames, "test.safe_div"), Some(2));
        // A frame without slots: no call in the try body can raise, so the escape
        // path that would save the exception is never lowered (`needs_frame` cannot know).
        assert_eq!(frame_of(&frames, "test.count_to"), Some(0));
        assert_eq!(frame_of(&frames, "test.ret_through_finally"), Some(1));
        assert_eq!(frame_of(&frames, "test.main"), Some(4));
        // A function that cannot collect keeps its references in registers; one
        // that may keeps them in its frame.
        let mut elided = 0;
        for (i, f) in program.functions.iter().enumerate() {
            let holds_refs = f.locals.iter().any(|l| l.ty.is_ref());
            if program.collect_free.contains(&FuncId(i as u32)) {
                assert_eq!(frame_of(&frames, &f.name), None, "{}", f.name);
                elided += usize::from(holds_refs);
            } else if holds_refs {
                assert!(frame_of(&frames, &f.name).is_some(), "{}", f.name);
            }
        }
        assert!(elided > 0, "no function with references lost its frame");
    }
    let show = clif_of("test.show");
    assert!(show.contains("call_indirect"), "{show}");
    // divide can raise, so callers test; Base.describe cannot.
    assert!(program.functions[DIVIDE as usize].can_raise);
    assert!(!program.functions[BASE_DESCRIBE as usize].can_raise);
    let symbols = dynamic_symbols(&program);
    assert!(symbols.iter().any(|s| s == "seam_class_test_Derived"));
    assert!(symbols.iter().any(|s| s == rt::EXC_CURRENT));
    assert!(symbols.iter().any(|s| s == Rt::Alloc.symbol()));
}

#[test]
fn finally_bodies_are_lowered_once_per_exit() {
    // def f(n: int) -> int:
    //     try:
    //         if n == 0: return 1
    //         n = 10 // n
    //     finally: print("x")
    //     return n
    let mut f = FnBuilder::new("f", Type::Int);
    let n = f.param("n", Type::Int);
    let func = f.body(vec![
        try_stmt(
            vec![
                Stmt::If {
                    cond: cmp(BinaryOp::IntEq, n.clone(), Expr::int(0)),
                    then_body: vec![ret(Expr::int(1))],
                    else_body: vec![],
                },
                assign(
                    &n,
                    Expr::rt(Rt::IntFloorDiv, vec![Expr::int(10), n.clone()], Type::Int),
                ),
            ],
            vec![],
            vec![],
            vec![write(lit(0))],
        ),
        ret(n.clone()),
    ]);
    let mut program = program_with_main(vec![func], &["x"], |_| {
        vec![ret(call(0, vec![Expr::int(0)], Type::Int))]
    });
    crate::analysis::compute_can_raise(&mut program);
    let (_, frames) = emit_with(&program, OptLevel::None);
    // One slot for the exception saved while the finally body runs.
    assert_eq!(frame_of(&frames, "test.f"), Some(1));
    // The return, the exception escape and the normal exit each run the body.
    let clif = clif_of("test.f");
    // fn0 is the shadow-stack overflow handler, fn1 `seam_write_str`.
    assert_eq!(clif.matches("call fn1(").count(), 3, "{clif}");
}

#[test]
fn a_try_whose_body_cannot_raise_has_no_dispatch() {
    // def f() -> int:
    //     try: x = 1
    //     except ValueError as e: print("x")
    //     return x
    let mut f = FnBuilder::new("f", Type::Int);
    let x = f.local("x", Type::Int);
    let e = f.local("e", Type::Instance(builtin(ExcKind::ValueError)));
    let func = f.body(vec![
        try_stmt(
            vec![assign(&x, Expr::int(1))],
            vec![handler(
                &[builtin(ExcKind::ValueError)],
                &e,
                vec![write(lit(0))],
            )],
            vec![],
            vec![],
        ),
        ret(x.clone()),
    ]);
    let program = program_with_main(vec![func], &["x"], |_| {
        vec![ret(call(0, vec![], Type::Int))]
    });
    emit(&program);
    // Only the shadow-stack overflow handler: the handler is never lowered.
    let clif = clif_of("test.f");
    assert_eq!(clif.matches(" call ").count(), 1, "{clif}");
}

/// Links [`object_model_program`] with the runtime and runs it, normally and
/// with a collection at every allocation.
#[test]
fn object_model_program_runs() {
    let Some(runtime) = runtime_library() else {
        return;
    };
    let program = object_model_program();
    let exe = link(&program, &runtime, "classes");
    for stress in ["0", "1"] {
        let run = std::process::Command::new(&exe)
            .env("SEAM_GC_STRESS", stress)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(
            String::from_utf8_lossy(&run.stdout),
            EXPECTED_STDOUT,
            "SEAM_GC_STRESS={stress}; stderr: {stderr}"
        );
        assert_eq!(run.status.code(), Some(1), "SEAM_GC_STRESS={stress}");
        assert!(stderr.contains("boom"), "{stderr}");
    }
    std::fs::remove_dir_all(exe.parent().unwrap()).ok();
}
