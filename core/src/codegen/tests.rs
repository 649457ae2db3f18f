//! Backend tests: small hand-built TIR programs that must lower, pass the
//! Cranelift verifier (on in debug builds) and get the shadow-stack frames we
//! expect; and, when the runtime library has been built, one that links and runs.

use std::cell::RefCell;

use super::*;
use crate::layout;
use crate::rt::ExcKind;
use crate::tir::{
    BinaryOp, Expr, ExprKind, FuncId, Function, Global, GlobalId, Local, LocalId, Program, Stmt,
    StrId, Type, UnaryOp,
};

mod classes;
mod extension;

// ---- what the lowering reports, per test thread ----

struct Lowered {
    name: String,
    /// `None` when the function has no shadow-stack frame.
    frame_slots: Option<u32>,
    clif: String,
}

thread_local! {
    static LOWERED: RefCell<Vec<Lowered>> = const { RefCell::new(Vec::new()) };
}

pub(super) fn record_function(name: &str, frame_slots: Option<u32>, func: &ir::Function) {
    LOWERED.with(|l| {
        l.borrow_mut().push(Lowered {
            name: name.to_string(),
            frame_slots,
            clif: func.display().to_string(),
        })
    });
}

/// Emits `program` and returns the object and each function's frame size.
fn emit(program: &Program) -> (Vec<u8>, Vec<(String, Option<u32>)>) {
    emit_with(program, OptLevel::Speed)
}

/// `emit` for an extension linked into a shared object (`init_module` defined).
fn emit_shared(program: &Program) -> (Vec<u8>, Vec<(String, Option<u32>)>) {
    let config = CodegenConfig {
        entry_symbol: true,
        class_bounds_at_load: true,
        ..CodegenConfig::default()
    };
    match emit_object(program, &config) {
        Ok(obj) => (obj, Vec::new()),
        Err(e) => panic!("{e}"),
    }
}

fn emit_with(program: &Program, opt_level: OptLevel) -> (Vec<u8>, Vec<(String, Option<u32>)>) {
    LOWERED.with(|l| l.borrow_mut().clear());
    let config = CodegenConfig {
        target: None,
        opt_level,
        ..CodegenConfig::default()
    };
    let obj = match emit_object(program, &config) {
        Ok(obj) => obj,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(&obj[..4], b"\x7fELF", "not an ELF object");
    let frames = LOWERED.with(|l| {
        l.borrow()
            .iter()
            .map(|f| (f.name.clone(), f.frame_slots))
            .collect()
    });
    (obj, frames)
}

fn frame_of(frames: &[(String, Option<u32>)], name: &str) -> Option<u32> {
    frames
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no function {name}"))
        .1
}

fn clif_of(name: &str) -> String {
    LOWERED.with(|l| {
        l.borrow()
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.clif.clone())
            .unwrap_or_default()
    })
}

// ---- building TIR by hand ----

struct FnBuilder {
    f: Function,
}

impl FnBuilder {
    fn new(name: &str, ret: Type) -> FnBuilder {
        FnBuilder {
            f: Function {
                name: format!("test.{name}"),
                symbol: format!("seam_test_{name}"),
                params: Vec::new(),
                ret,
                locals: Vec::new(),
                body: Vec::new(),
                can_raise: false,
            },
        }
    }

    fn param(&mut self, name: &str, ty: Type) -> Expr {
        let e = self.local(name, ty);
        let ExprKind::Local(id) = e.kind else {
            unreachable!()
        };
        self.f.params.push(id);
        e
    }

    /// Declares a local and returns an expression reading it.
    fn local(&mut self, name: &str, ty: Type) -> Expr {
        let id = LocalId(self.f.locals.len() as u32);
        self.f.locals.push(Local {
            name: name.to_string(),
            ty: ty.clone(),
        });
        Expr::local(id, ty)
    }

    fn body(mut self, body: Vec<Stmt>) -> Function {
        self.f.body = body;
        self.f
    }
}

fn id_of(local: &Expr) -> LocalId {
    match local.kind {
        ExprKind::Local(id) => id,
        _ => panic!("not a local"),
    }
}

fn assign(local: &Expr, value: Expr) -> Stmt {
    Stmt::AssignLocal(id_of(local), value)
}

fn ret(e: Expr) -> Stmt {
    Stmt::Return(Some(e))
}

fn bin(op: BinaryOp, l: Expr, r: Expr, ty: Type) -> Expr {
    Expr::binary(op, l, r, ty)
}

fn int_op(op: BinaryOp, l: Expr, r: Expr) -> Expr {
    bin(op, l, r, Type::Int)
}

fn cmp(op: BinaryOp, l: Expr, r: Expr) -> Expr {
    bin(op, l, r, Type::Bool)
}

fn lit(id: u32) -> Expr {
    Expr::new(ExprKind::Str(StrId(id)), Type::Str)
}

fn float(v: f64) -> Expr {
    Expr::new(ExprKind::Float(v), Type::Float)
}

fn str_of_int(e: Expr) -> Expr {
    Expr::rt(Rt::StrFromInt, vec![e], Type::Str)
}

fn write(e: Expr) -> Stmt {
    Stmt::Expr(Expr::rt(Rt::WriteStr, vec![e], Type::None))
}

fn call(f: u32, args: Vec<Expr>, ty: Type) -> Expr {
    Expr::new(ExprKind::Call(FuncId(f), args), ty)
}

fn list_str() -> Type {
    Type::List(Box::new(Type::Str))
}

/// `def main(argv: list[str]) -> int: <body>` at index `functions.len()`.
fn program_with_main(
    mut functions: Vec<Function>,
    strings: &[&str],
    main_body: impl FnOnce(&Expr) -> Vec<Stmt>,
) -> Program {
    let mut main = FnBuilder::new("main", Type::Int);
    let argv = main.param("argv", list_str());
    let body = main_body(&argv);
    functions.push(main.body(body));
    Program {
        main: FuncId(functions.len() as u32 - 1),
        functions,
        classes: classes::builtin_classes(),
        strings: strings.iter().map(|s| s.to_string()).collect(),
        ..Program::default()
    }
}

// ---- tests ----

#[test]
fn integer_and_float_arithmetic_needs_no_frame() {
    let mut f = FnBuilder::new("arith", Type::Int);
    let a = f.param("a", Type::Int);
    let b = f.param("b", Type::Int);
    let x = f.param("x", Type::Float);
    let y = f.local("y", Type::Int);
    let z = f.local("z", Type::Float);
    let ok = f.local("ok", Type::Bool);
    let arith = f.body(vec![
        // y = ((a * b + 3) - (a ^ b)) & ~a | -b
        assign(
            &y,
            int_op(
                BinaryOp::IntOr,
                int_op(
                    BinaryOp::IntAnd,
                    int_op(
                        BinaryOp::IntSub,
                        int_op(
                            BinaryOp::IntAdd,
                            int_op(BinaryOp::IntMul, a.clone(), b.clone()),
                            Expr::int(3),
                        ),
                        int_op(BinaryOp::IntXor, a.clone(), b.clone()),
                    ),
                    Expr::unary(UnaryOp::IntInvert, a.clone(), Type::Int),
                ),
                Expr::unary(UnaryOp::IntNeg, b.clone(), Type::Int),
            ),
        ),
        // z = -(float(y) * x + x - 1.5)
        assign(
            &z,
            Expr::unary(
                UnaryOp::FloatNeg,
                bin(
                    BinaryOp::FloatSub,
                    bin(
                        BinaryOp::FloatAdd,
                        bin(
                            BinaryOp::FloatMul,
                            Expr::unary(UnaryOp::IntToFloat, y.clone(), Type::Float),
                            x.clone(),
                            Type::Float,
                        ),
                        x.clone(),
                        Type::Float,
                    ),
                    float(1.5),
                    Type::Float,
                ),
                Type::Float,
            ),
        ),
        // ok = (a < b) == (z >= 0.0) != not (x != x)
        assign(
            &ok,
            cmp(
                BinaryOp::BoolNe,
                cmp(
                    BinaryOp::BoolEq,
                    cmp(BinaryOp::IntLt, a.clone(), b.clone()),
                    cmp(BinaryOp::FloatGe, z.clone(), float(0.0)),
                ),
                Expr::unary(
                    UnaryOp::BoolNot,
                    cmp(BinaryOp::FloatNe, x.clone(), x.clone()),
                    Type::Bool,
                ),
            ),
        ),
        ret(int_op(
            BinaryOp::IntAdd,
            y.clone(),
            Expr::unary(UnaryOp::BoolToInt, ok.clone(), Type::Int),
        )),
    ]);
    let program = program_with_main(vec![arith], &[], |_| {
        vec![ret(call(
            0,
            vec![Expr::int(6), Expr::int(7), float(0.5)],
            Type::Int,
        ))]
    });
    for opt in [OptLevel::None, OptLevel::Speed] {
        let (_, frames) = emit_with(&program, opt);
        assert_eq!(frame_of(&frames, "test.arith"), None);
        // main holds argv, a reference parameter.
        assert_eq!(frame_of(&frames, "test.main"), Some(1));
    }
}

#[test]
fn loops_with_break_and_continue() {
    // def loop(n: int) -> int:
    //     i = 0; s = 0
    //     while True:
    //         if i >= n: break
    //         i = i + 1
    //         if i % 2 == 0: continue
    //         s = s + i
    //     return s
    let mut f = FnBuilder::new("loop", Type::Int);
    let n = f.param("n", Type::Int);
    let i = f.local("i", Type::Int);
    let s = f.local("s", Type::Int);
    let looped = f.body(vec![
        assign(&i, Expr::int(0)),
        assign(&s, Expr::int(0)),
        Stmt::While {
            cond: Expr::bool(true),
            body: vec![
                Stmt::If {
                    cond: cmp(BinaryOp::IntGe, i.clone(), n.clone()),
                    then_body: vec![Stmt::Break],
                    else_body: vec![],
                },
                assign(&i, int_op(BinaryOp::IntAdd, i.clone(), Expr::int(1))),
                Stmt::If {
                    cond: cmp(
                        BinaryOp::IntEq,
                        Expr::rt(Rt::IntMod, vec![i.clone(), Expr::int(2)], Type::Int),
                        Expr::int(0),
                    ),
                    then_body: vec![Stmt::Continue, assign(&s, Expr::int(-1))],
                    else_body: vec![],
                },
                assign(&s, int_op(BinaryOp::IntAdd, s.clone(), i.clone())),
            ],
        },
        ret(s.clone()),
    ]);
    let program = program_with_main(vec![looped], &[], |_| {
        vec![ret(call(0, vec![Expr::int(10)], Type::Int))]
    });
    let (_, frames) = emit(&program);
    assert_eq!(frame_of(&frames, "test.loop"), None);
}

#[test]
fn list_built_with_runtime_calls() {
    // def build(n: int) -> list[str]:
    //     l = []
    //     i = 0
    //     while i < n:
    //         l.append(str(i)); i = i + 1
    //     print(", ".join(l))
    //     return l
    let mut f = FnBuilder::new("build", list_str());
    let n = f.param("n", Type::Int);
    let l = f.local("l", list_str());
    let i = f.local("i", Type::Int);
    let build = f.body(vec![
        assign(
            &l,
            Expr::rt(
                Rt::ListNew,
                vec![Expr::bool(true), Expr::int(0)],
                list_str(),
            ),
        ),
        assign(&i, Expr::int(0)),
        Stmt::While {
            cond: cmp(BinaryOp::IntLt, i.clone(), n.clone()),
            body: vec![
                // `l` is re-read after `str(i)` rather than spilled.
                Stmt::Expr(Expr::rt(
                    Rt::ListAppend,
                    vec![l.clone(), str_of_int(i.clone())],
                    Type::None,
                )),
                assign(&i, int_op(BinaryOp::IntAdd, i.clone(), Expr::int(1))),
            ],
        },
        write(Expr::rt(Rt::StrJoin, vec![lit(0), l.clone()], Type::Str)),
        write(lit(1)),
        ret(l.clone()),
    ]);
    let program = program_with_main(vec![build], &[", ", "\n"], |_| {
        vec![
            Stmt::Expr(call(0, vec![Expr::int(3)], list_str())),
            ret(Expr::int(0)),
        ]
    });
    let (obj, frames) = emit(&program);
    assert_eq!(frame_of(&frames, "test.build"), Some(1));
    assert!(contains(&obj, b"seam_list_append\0"));
    assert!(contains(&obj, b"seam_test_build\0"));
    // Only the runtime functions the program calls are imported.
    assert!(!contains(&obj, b"seam_dict_new\0"));
}

#[test]
fn tuple_elements_are_spilled_across_the_allocation() {
    // t = (str(1), 2, 3.5, True, "a" + "b", "lit", None-as-optional)
    let opt_str = Type::Optional(Box::new(Type::Str));
    let elems = vec![
        str_of_int(Expr::int(1)),
        Expr::int(2),
        float(3.5),
        Expr::bool(true),
        Expr::rt(Rt::StrConcat, vec![lit(0), lit(1)], Type::Str),
        lit(0),
        Expr::new(ExprKind::None, opt_str.clone()),
    ];
    let tuple_ty = Type::Tuple(elems.iter().map(|e| e.ty.clone()).collect());
    let mut f = FnBuilder::new("tuple", Type::Float);
    let t = f.local("t", tuple_ty.clone());
    let tuple = f.body(vec![
        assign(&t, Expr::new(ExprKind::Tuple(elems), tuple_ty.clone())),
        write(Expr::rt(
            Rt::ReprOf,
            vec![t.clone(), Expr::type_code(tuple_ty.clone())],
            Type::Str,
        )),
        ret(Expr::field(
            t.clone(),
            layout::TUPLE_ITEMS + 16,
            Type::Float,
        )),
    ]);
    let program = program_with_main(vec![tuple], &["a", "b"], |_| {
        vec![Stmt::Expr(call(0, vec![], Type::Float)), ret(Expr::int(0))]
    });
    let (obj, frames) = emit(&program);
    // One slot for `t`, two temporaries for `str(1)` and `"a" + "b"`; the literal and None are re-read.
    assert_eq!(frame_of(&frames, "test.tuple"), Some(3));
    assert!(contains(&obj, b"t7;sifbssos\0"));
}

#[test]
fn calls_between_functions_spill_reference_arguments() {
    // def greet(name: str, n: int) -> str: return name * n + "!"
    let mut g = FnBuilder::new("greet", Type::Str);
    let name = g.param("name", Type::Str);
    let n = g.param("n", Type::Int);
    let greet = g.body(vec![ret(Expr::rt(
        Rt::StrConcat,
        vec![
            Expr::rt(Rt::StrRepeat, vec![name.clone(), n.clone()], Type::Str),
            lit(0),
        ],
        Type::Str,
    ))]);
    // def two() -> int: return 2
    let two = FnBuilder::new("two", Type::Int).body(vec![ret(Expr::int(2))]);
    // def hello() -> None: print(greet(str(5), two()))   (procedure, falls off its end)
    let hello = FnBuilder::new("hello", Type::None).body(vec![write(call(
        0,
        vec![str_of_int(Expr::int(5)), call(1, vec![], Type::Int)],
        Type::Str,
    ))]);
    let program = program_with_main(vec![greet, two, hello], &["!"], |_| {
        vec![
            // A procedure call used as an expression has the value None.
            Stmt::Expr(call(2, vec![], Type::None)),
            ret(Expr::int(0)),
        ]
    });
    let (_, frames) = emit(&program);
    assert_eq!(frame_of(&frames, "test.greet"), Some(1));
    assert_eq!(frame_of(&frames, "test.two"), None);
    // `str(5)` is spilled while `two()` runs.
    assert_eq!(frame_of(&frames, "test.hello"), Some(1));
}

#[test]
fn if_else_and_short_circuit() {
    // def pick(a: int, b: bool, c: bool) -> str:
    //     return "small" if (a < 3 and b) or not c else str(a)
    let mut f = FnBuilder::new("pick", Type::Str);
    let a = f.param("a", Type::Int);
    let b = f.param("b", Type::Bool);
    let c = f.param("c", Type::Bool);
    let cond = Expr::new(
        ExprKind::Or(
            Box::new(Expr::new(
                ExprKind::And(
                    Box::new(cmp(BinaryOp::IntLt, a.clone(), Expr::int(3))),
                    Box::new(b.clone()),
                ),
                Type::Bool,
            )),
            Box::new(Expr::unary(UnaryOp::BoolNot, c.clone(), Type::Bool)),
        ),
        Type::Bool,
    );
    let pick = f.body(vec![ret(Expr::new(
        ExprKind::IfElse {
            cond: Box::new(cond),
            then: Box::new(lit(0)),
            otherwise: Box::new(str_of_int(a.clone())),
        },
        Type::Str,
    ))]);
    // def same(x: str, y: str | None) -> bool: return x is y or y is None
    let opt_str = Type::Optional(Box::new(Type::Str));
    let mut g = FnBuilder::new("same", Type::Bool);
    let x = g.param("x", Type::Str);
    let y = g.param("y", opt_str.clone());
    let same = g.body(vec![ret(Expr::new(
        ExprKind::Or(
            Box::new(cmp(BinaryOp::RefEq, x.clone(), y.clone())),
            Box::new(Expr::unary(UnaryOp::IsNull, y.clone(), Type::Bool)),
        ),
        Type::Bool,
    ))]);
    let program = program_with_main(vec![pick, same], &["small"], |_| {
        vec![
            write(call(
                0,
                vec![Expr::int(2), Expr::bool(true), Expr::bool(false)],
                Type::Str,
            )),
            ret(Expr::unary(
                UnaryOp::BoolToInt,
                call(
                    1,
                    vec![lit(0), Expr::new(ExprKind::None, opt_str)],
                    Type::Bool,
                ),
                Type::Int,
            )),
        ]
    });
    let (_, frames) = emit(&program);
    assert_eq!(frame_of(&frames, "test.pick"), None);
    assert_eq!(frame_of(&frames, "test.same"), Some(2));
}

#[test]
fn conditions_branch_on_the_comparison_itself() {
    // def walk(node: str | None, a: int, b: int) -> int:
    //     n = 0
    //     while not (a >= b) and node is not None:
    //         if not (a == 3 or b < 0):
    //             n = n + 1
    //         a = a + 1
    //     return n if not (node is None) else -n
    let opt_str = Type::Optional(Box::new(Type::Str));
    let mut f = FnBuilder::new("walk", Type::Int);
    let node = f.param("node", opt_str);
    let a = f.param("a", Type::Int);
    let b = f.param("b", Type::Int);
    let n = f.local("n", Type::Int);
    let not = |e: Expr| Expr::unary(UnaryOp::BoolNot, e, Type::Bool);
    let is_none = |e: &Expr| Expr::unary(UnaryOp::IsNull, e.clone(), Type::Bool);
    let walk = f.body(vec![
        assign(&n, Expr::int(0)),
        Stmt::While {
            cond: Expr::new(
                ExprKind::And(
                    Box::new(not(cmp(BinaryOp::IntGe, a.clone(), b.clone()))),
                    Box::new(not(is_none(&node))),
                ),
                Type::Bool,
            ),
            body: vec![
                Stmt::If {
                    cond: not(Expr::new(
                        ExprKind::Or(
                            Box::new(cmp(BinaryOp::IntEq, a.clone(), Expr::int(3))),
                            Box::new(cmp(BinaryOp::IntLt, b.clone(), Expr::int(0))),
                        ),
                        Type::Bool,
                    )),
                    then_body: vec![assign(
                        &n,
                        int_op(BinaryOp::IntAdd, n.clone(), Expr::int(1)),
                    )],
                    else_body: vec![],
                },
                assign(&a, int_op(BinaryOp::IntAdd, a.clone(), Expr::int(1))),
            ],
        },
        ret(Expr::new(
            ExprKind::IfElse {
                cond: Box::new(not(is_none(&node))),
                then: Box::new(n.clone()),
                otherwise: Box::new(int_op(BinaryOp::IntSub, Expr::int(0), n.clone())),
            },
            Type::Int,
        )),
    ]);
    // def present(node: str | None) -> bool: return node is not None
    let mut g = FnBuilder::new("present", Type::Bool);
    let p = g.param("p", Type::Optional(Box::new(Type::Str)));
    let present = g.body(vec![ret(not(is_none(&p)))]);
    let program = program_with_main(vec![walk, present], &[], |_| {
        vec![ret(call(
            0,
            vec![
                Expr::new(ExprKind::None, Type::Optional(Box::new(Type::Str))),
                Expr::int(0),
                Expr::int(5),
            ],
            Type::Int,
        ))]
    });
    emit(&program);
    // `not` swaps targets and `x is None` branches on the pointer: no boolean
    // is negated, and every comparison feeds a branch. Besides the frame's
    // limit check (one `icmp`, one `brif`), the three comparisons are the only
    // `icmp`s and the two null tests are `brif`s on the pointer: five branches.
    let clif = clif_of("test.walk");
    assert!(!clif.contains("bxor"), "{clif}");
    assert_eq!(clif.matches("icmp").count(), 1 + 3, "{clif}");
    assert_eq!(clif.matches("brif").count(), 1 + 5, "{clif}");
    // As a value, `x is not None` is one comparison.
    let clif = clif_of("test.present");
    assert!(!clif.contains("bxor"), "{clif}");
    assert_eq!(clif.matches("icmp ne").count(), 1, "{clif}");
    assert_eq!(clif.matches("icmp").count(), 1 + 1, "{clif}");
}

#[test]
fn raising_runtime_calls_test_the_exception_state() {
    // def check(x: int) -> int:
    //     if x < 0:
    //         raise ValueError("negative")
    //         x = 1              (unreachable, still lowered or skipped)
    //     y = (raise KeyError(None); 5) if x > 100 else x
    //     return y
    let mut f = FnBuilder::new("check", Type::Int);
    let x = f.param("x", Type::Int);
    let y = f.local("y", Type::Int);
    let raise = |kind: ExcKind, msg: Expr| {
        Expr::rt(
            Rt::RaiseBuiltin,
            vec![Expr::int(kind as i64), msg],
            Type::None,
        )
    };
    let check = f.body(vec![
        Stmt::If {
            cond: cmp(BinaryOp::IntLt, x.clone(), Expr::int(0)),
            then_body: vec![
                Stmt::Expr(raise(ExcKind::ValueError, lit(0))),
                assign(&x, Expr::int(1)),
            ],
            else_body: vec![],
        },
        assign(
            &y,
            Expr::new(
                ExprKind::IfElse {
                    cond: Box::new(cmp(BinaryOp::IntGt, x.clone(), Expr::int(100))),
                    then: Box::new(Expr::new(
                        ExprKind::Block(
                            vec![Stmt::Expr(raise(
                                ExcKind::KeyError,
                                Expr::new(ExprKind::None, Type::Optional(Box::new(Type::Str))),
                            ))],
                            Box::new(Expr::int(5)),
                        ),
                        Type::Int,
                    )),
                    otherwise: Box::new(x.clone()),
                },
                Type::Int,
            ),
        ),
        ret(y.clone()),
    ]);
    let program = program_with_main(vec![check], &["negative"], |_| {
        vec![ret(call(0, vec![Expr::int(-1)], Type::Int))]
    });
    let (_, frames) = emit(&program);
    assert_eq!(frame_of(&frames, "test.check"), None);
    // Both raises branch to the one propagate block, which returns a zero.
    let clif = clif_of("test.check");
    assert_eq!(clif.matches(" cold:").count(), 1, "{clif}");
    assert!(!clif.contains("trap user1"), "{clif}");
}

#[test]
fn globals_type_codes_fields_and_initialisers() {
    let list_int = Type::List(Box::new(Type::Int));
    let globals = vec![
        Global {
            name: "m.items".into(),
            symbol: "seam_g_m_items".into(),
            ty: list_int.clone(),
        },
        Global {
            name: "m.count".into(),
            symbol: "seam_g_m_count".into(),
            ty: Type::Int,
        },
        Global {
            name: "m.ratio".into(),
            symbol: "seam_g_m_ratio".into(),
            ty: Type::Float,
        },
        Global {
            name: "m.flag".into(),
            symbol: "seam_g_m_flag".into(),
            ty: Type::Bool,
        },
    ];
    let g = |i: u32, ty: Type| Expr::new(ExprKind::Global(GlobalId(i)), ty);
    // def m.__init__() -> None: items = [7]; count = 1; ratio = 0.25; flag = True
    let init = FnBuilder::new("init", Type::None).body(vec![
        Stmt::AssignGlobal(
            GlobalId(0),
            Expr::rt(
                Rt::ListNew,
                vec![Expr::bool(false), Expr::int(1)],
                list_int.clone(),
            ),
        ),
        Stmt::Expr(Expr::rt(
            Rt::ListAppend,
            vec![g(0, list_int.clone()), Expr::int(7)],
            Type::None,
        )),
        Stmt::AssignGlobal(GlobalId(1), Expr::int(1)),
        Stmt::AssignGlobal(GlobalId(2), float(0.25)),
        Stmt::AssignGlobal(GlobalId(3), Expr::bool(true)),
        Stmt::Return(None),
    ]);
    // def report() -> None:
    //     print(str(items)); print(str(len(items) + count)); items.len = items.len (a raw field store)
    //     print(str(ratio) if flag else "")
    let len = |e: Expr| Expr::field(e, layout::LIST_LEN, Type::Int);
    let report = FnBuilder::new("report", Type::None).body(vec![
        write(Expr::rt(
            Rt::StrOf,
            vec![g(0, list_int.clone()), Expr::type_code(list_int.clone())],
            Type::Str,
        )),
        write(str_of_int(int_op(
            BinaryOp::IntAdd,
            len(g(0, list_int.clone())),
            g(1, Type::Int),
        ))),
        Stmt::StoreField {
            base: g(0, list_int.clone()),
            offset: layout::LIST_LEN,
            value: len(g(0, list_int.clone())),
        },
        write(Expr::new(
            ExprKind::IfElse {
                cond: Box::new(g(3, Type::Bool)),
                then: Box::new(Expr::rt(
                    Rt::StrFromFloat,
                    vec![g(2, Type::Float)],
                    Type::Str,
                )),
                otherwise: Box::new(lit(0)),
            },
            Type::Str,
        )),
        // Word conversions: a float and a bool through `seam_str_of`.
        write(Expr::rt(
            Rt::StrOf,
            vec![g(2, Type::Float), Expr::type_code(Type::Float)],
            Type::Str,
        )),
        write(Expr::rt(
            Rt::StrOf,
            vec![g(3, Type::Bool), Expr::type_code(Type::Bool)],
            Type::Str,
        )),
    ]);
    let mut program = program_with_main(vec![init, report], &[""], |_| {
        vec![Stmt::Expr(call(1, vec![], Type::None)), ret(Expr::int(0))]
    });
    program.globals = globals;
    program.init_order = vec![FuncId(0)];
    let (obj, frames) = emit(&program);
    assert_eq!(frame_of(&frames, "test.report"), None);
    for sym in [
        "seam_g_m_items",
        "seam_g_m_ratio",
        "seam_program_main",
        "seam_gc_add_root",
        "seam_str_from_utf8",
    ] {
        assert!(
            contains(&obj, format!("{sym}\0").as_bytes()),
            "{sym} missing"
        );
    }
    assert!(contains(&obj, b"li\0"));
    let symbols = dynamic_symbols(&program);
    for sym in [
        "seam_g_m_items",
        "seam_test_report",
        "seam_shadow_stack_top",
        "seam_tuple_new",
    ] {
        assert!(symbols.iter().any(|s| s == sym), "{sym} not exported");
    }
}

#[test]
fn a_local_reassigned_by_a_later_operand_is_spilled_not_reread() {
    // def f(s: str) -> str: return s + (s := str(1); s)
    let mut f = FnBuilder::new("reassign", Type::Str);
    let s = f.param("s", Type::Str);
    let body = vec![ret(Expr::rt(
        Rt::StrConcat,
        vec![
            s.clone(),
            Expr::new(
                ExprKind::Block(
                    vec![assign(&s, str_of_int(Expr::int(1)))],
                    Box::new(s.clone()),
                ),
                Type::Str,
            ),
        ],
        Type::Str,
    ))];
    let reassign = f.body(body);
    let program = program_with_main(vec![reassign], &[], |argv| {
        vec![
            Stmt::Expr(call(
                0,
                vec![Expr::rt(Rt::StrFromInt, vec![Expr::int(3)], Type::Str)],
                Type::Str,
            )),
            // argv is re-read, not spilled, across the call.
            Stmt::Expr(Expr::rt(
                Rt::ListAppend,
                vec![argv.clone(), str_of_int(Expr::int(2))],
                Type::None,
            )),
            ret(Expr::int(0)),
        ]
    });
    let (_, frames) = emit(&program);
    assert_eq!(frame_of(&frames, "test.reassign"), Some(2));
    assert_eq!(frame_of(&frames, "test.main"), Some(1));
}

#[test]
fn malformed_tir_is_reported_as_a_front_end_bug() {
    let bad = FnBuilder::new("bad", Type::None).body(vec![Stmt::Break]);
    let program = program_with_main(vec![bad], &[], |_| vec![ret(Expr::int(0))]);
    let err = emit_object(&program, &CodegenConfig::default()).unwrap_err();
    assert!(matches!(err, CodegenError::MalformedTir { .. }), "{err}");
    assert!(
        err.to_string().contains("break or continue outside a loop"),
        "{err}"
    );
}

#[test]
fn thirty_two_bit_targets_are_refused() {
    let program = program_with_main(vec![], &[], |_| vec![ret(Expr::int(0))]);
    let config = CodegenConfig {
        target: Some("i686-unknown-linux-gnu".parse().unwrap()),
        opt_level: OptLevel::Speed,
        ..CodegenConfig::default()
    };
    let err = emit_object(&program, &config).unwrap_err();
    assert!(matches!(err, CodegenError::UnsupportedTarget(_)), "{err}");
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A program exercising literals, a reference global, loops, spills, a tuple
/// and a call whose reference argument must survive another call. Prints
/// four lines and returns `len(argv) + 40`.
fn end_to_end_program() -> Program {
    let g_items = Global {
        name: "m.items".into(),
        symbol: "seam_g_e2e_items".into(),
        ty: list_str(),
    };
    let items = || Expr::new(ExprKind::Global(GlobalId(0)), list_str());
    let newline = || write(lit(1));
    // def init() -> None: items = []
    let init = FnBuilder::new("init", Type::None).body(vec![Stmt::AssignGlobal(
        GlobalId(0),
        Expr::rt(
            Rt::ListNew,
            vec![Expr::bool(true), Expr::int(0)],
            list_str(),
        ),
    )]);
    // def build(n: int) -> list[str]:
    //     l = []; i = 0
    //     while i < n: l.append(str(i)); items.append(str(i) + "!"); i = i + 1
    //     print(", ".join(l)); return l
    let mut f = FnBuilder::new("build", list_str());
    let n = f.param("n", Type::Int);
    let l = f.local("l", list_str());
    let i = f.local("i", Type::Int);
    let build = f.body(vec![
        assign(
            &l,
            Expr::rt(
                Rt::ListNew,
                vec![Expr::bool(true), Expr::int(0)],
                list_str(),
            ),
        ),
        assign(&i, Expr::int(0)),
        Stmt::While {
            cond: cmp(BinaryOp::IntLt, i.clone(), n.clone()),
            body: vec![
                Stmt::Expr(Expr::rt(
                    Rt::ListAppend,
                    vec![l.clone(), str_of_int(i.clone())],
                    Type::None,
                )),
                Stmt::Expr(Expr::rt(
                    Rt::ListAppend,
                    vec![
                        items(),
                        Expr::rt(
                            Rt::StrConcat,
                            vec![str_of_int(i.clone()), lit(3)],
                            Type::Str,
                        ),
                    ],
                    Type::None,
                )),
                assign(&i, int_op(BinaryOp::IntAdd, i.clone(), Expr::int(1))),
            ],
        },
        write(Expr::rt(Rt::StrJoin, vec![lit(0), l.clone()], Type::Str)),
        newline(),
        ret(l.clone()),
    ]);
    // def greet(name: str, n: int) -> str: return name * n + "!"
    let mut g = FnBuilder::new("greet", Type::Str);
    let name = g.param("name", Type::Str);
    let count = g.param("n", Type::Int);
    let greet = g.body(vec![ret(Expr::rt(
        Rt::StrConcat,
        vec![
            Expr::rt(Rt::StrRepeat, vec![name.clone(), count.clone()], Type::Str),
            lit(3),
        ],
        Type::Str,
    ))]);
    // def two() -> int: x = str(2); return int(x)   (allocates, so a caller's spill matters)
    let mut t = FnBuilder::new("two", Type::Int);
    let x = t.local("x", Type::Str);
    let two = t.body(vec![
        assign(&x, str_of_int(Expr::int(2))),
        ret(Expr::rt(Rt::IntFromStr, vec![x.clone()], Type::Int)),
    ]);
    let elems = vec![
        str_of_int(Expr::int(1)),
        float(2.5),
        Expr::bool(true),
        lit(2),
        Expr::rt(
            Rt::StrConcat,
            vec![lit(2), str_of_int(Expr::int(7))],
            Type::Str,
        ),
    ];
    let tuple_ty = Type::Tuple(elems.iter().map(|e| e.ty.clone()).collect());
    let mut program = program_with_main(
        vec![init, build, greet, two],
        &[", ", "\n", "x", "!"],
        |argv| {
            vec![
                Stmt::Expr(call(1, vec![Expr::int(3)], list_str())),
                write(Expr::rt(
                    Rt::ReprOf,
                    vec![
                        Expr::new(ExprKind::Tuple(elems), tuple_ty.clone()),
                        Expr::type_code(tuple_ty),
                    ],
                    Type::Str,
                )),
                newline(),
                write(call(
                    2,
                    vec![str_of_int(Expr::int(5)), call(3, vec![], Type::Int)],
                    Type::Str,
                )),
                newline(),
                write(Expr::rt(
                    Rt::StrOf,
                    vec![items(), Expr::type_code(list_str())],
                    Type::Str,
                )),
                newline(),
                ret(int_op(
                    BinaryOp::IntAdd,
                    Expr::field(argv.clone(), layout::LIST_LEN, Type::Int),
                    Expr::int(40),
                )),
            ]
        },
    );
    program.globals = vec![g_items];
    program.init_order = vec![FuncId(0)];
    program
}

/// Links [`end_to_end_program`] against the runtime library and runs it,
/// normally and with a collection at every allocation, when the library has
/// been built (`cargo build -p seam-runtime`); otherwise there is nothing to link.
#[test]
fn links_and_runs_with_the_runtime_when_it_is_built() {
    let Some(runtime) = runtime_library() else {
        return;
    };
    let program = end_to_end_program();
    let exe_path = link(&program, &runtime, "e2e");
    for stress in ["0", "1"] {
        let run = std::process::Command::new(&exe_path)
            .arg("a")
            .env("SEAM_GC_STRESS", stress)
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&run.stdout),
            "0, 1, 2\n('1', 2.5, True, 'x', 'x7')\n55!\n['0!', '1!', '2!']\n",
            "SEAM_GC_STRESS={stress}; stderr: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        // argv holds the program name and one argument.
        assert_eq!(run.status.code(), Some(42), "SEAM_GC_STRESS={stress}");
    }
    std::fs::remove_dir_all(exe_path.parent().unwrap()).ok();
}

/// The runtime library to link tests against, when it has been built
/// (`cargo build -p seam-runtime`) and has the object model's entry points.
// FIXME: drop the symbol probe once the runtime defines them (they are being added).
fn runtime_library() -> Option<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let runtime = root.join("target/debug/libseam_runtime.a");
    let bytes = std::fs::read(&runtime).ok()?;
    let complete = [
        Rt::Alloc.symbol(),
        Rt::Raise.symbol(),
        Rt::RegisterBuiltinClasses.symbol(),
        rt::EXC_CURRENT,
    ]
    .iter()
    .all(|sym| contains(&bytes, format!("\0{sym}\0").as_bytes()));
    complete.then_some(runtime)
}

/// Emits `program`, links it with the runtime into a fresh temporary
/// directory and returns the executable's path.
fn link(program: &Program, runtime: &std::path::Path, tag: &str) -> std::path::PathBuf {
    let (obj, _) = emit(program);
    let dir = std::env::temp_dir().join(format!("seam-codegen-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let obj_path = dir.join("prog.o");
    let list_path = dir.join("dynamic.list");
    let exe_path = dir.join("prog");
    std::fs::write(&obj_path, obj).unwrap();
    let list = format!("{{ {}; }};\n", dynamic_symbols(program).join("; "));
    std::fs::write(&list_path, list).unwrap();
    let link = std::process::Command::new("cc")
        .arg(&obj_path)
        .arg(runtime)
        .arg("-lm")
        .arg("-o")
        .arg(&exe_path)
        .arg(format!("-Wl,--dynamic-list={}", list_path.display()))
        .output()
        .unwrap();
    assert!(
        link.status.success(),
        "link failed:\n{}",
        String::from_utf8_lossy(&link.stderr)
    );
    exe_path
}
