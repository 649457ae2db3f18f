//! Comprehensions, generator expressions as arguments, and the builtins that
//! consume an iterable at once (`sum`, `any`, `all`, `min`, `max`, `sorted`,
//! `list`, `tuple`...), and `type(x).__name__`.
//!
//! Everything is lowered to `while` loops over an *iteration plan*
//! (`iterplan.rs`). A comprehension is such loops nested, one per `for`
//! clause, with the `if` clauses as conditionals, accumulating into a fresh
//! list, dict or set; a generator expression is only accepted as the argument
//! of a builtin that consumes it at once, and folds into that builtin's
//! accumulator (`any` and `all` stop at the first decisive element, as
//! CPython's do).
//!
//! Comprehension variables live in their own scope, as in Python 3: each
//! `for` target gets fresh locals, the names they shadow are restored
//! afterwards, and the first iterable is checked before any target is bound.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use super::checker::{Checker, R, Reported};
use super::defs::Slot;
use super::iterplan::Source;
use super::sets::{is_set_element, new_set};
use super::values::{and, block, not};
use crate::rt::Rt;
use crate::tir::{self, BinaryOp, LocalId, Type};

/// The most `for` clauses one comprehension or generator expression may have
/// (each is a nested loop, and checking and code generation recurse on them).
pub(super) const MAX_FOR_CLAUSES: usize = 32;

/// What a comprehension target shadowed, restored when its scope ends.
pub(super) struct Shadowed {
    name: String,
    local: Option<LocalId>,
    is_local_name: bool,
    annotation: Option<Type>,
    poisoned: bool,
    global: bool,
}

pub(super) type Body<'b, 'c, 'a> =
    dyn FnMut(&mut Checker<'c, 'a>, tir::Expr) -> R<Vec<tir::Stmt>> + 'b;

impl<'c, 'a> Checker<'c, 'a> {
    pub(super) fn is_builtin_name(&self, name: &str) -> bool {
        !self.local_names.contains(name) && !self.cx.module(self.module).scope.contains_key(name)
    }

    /// The builtin a call names (`enumerate(...)`), unless a program name shadows it.
    pub(super) fn builtin_callee<'x>(&self, e: &'x Expr) -> Option<(&'x str, &'x ast::ExprCall)> {
        if let Expr::Call(c) = e
            && let Expr::Name(n) = c.func.as_ref()
            && self.is_builtin_name(n.id.as_str())
        {
            return Some((n.id.as_str(), c));
        }
        None
    }

    pub(super) fn enter_targets(&mut self, target: &Expr, saved: &mut Vec<Shadowed>) {
        let mut names = Vec::new();
        collect_names(target, &mut names);
        for name in names {
            saved.push(Shadowed {
                local: self.names.remove(&name),
                is_local_name: !self.local_names.insert(name.clone()),
                annotation: self.annotations.remove(&name),
                poisoned: self.poisoned.remove(&name),
                global: self.globals_declared.remove(&name),
                name,
            });
        }
    }

    pub(super) fn leave_targets(&mut self, saved: Vec<Shadowed>) {
        for s in saved.into_iter().rev() {
            match s.local {
                Some(id) => {
                    self.names.insert(s.name.clone(), id);
                }
                None => {
                    self.names.remove(&s.name);
                }
            }
            if !s.is_local_name {
                self.local_names.remove(&s.name);
            }
            if let Some(t) = s.annotation {
                self.annotations.insert(s.name.clone(), t);
            }
            if s.poisoned {
                self.poisoned.insert(s.name.clone());
            }
            if s.global {
                self.globals_declared.insert(s.name);
            }
        }
    }

    /// Lowers the loops of `src`, calling `body` with each element (checked
    /// once); when `stop` is given, every loop also ends once it is true.
    pub(super) fn fold(
        &mut self,
        src: Source<'_>,
        stop: Option<LocalId>,
        body: &mut Body<'_, 'c, 'a>,
    ) -> R<Vec<tir::Stmt>> {
        match src {
            Source::Iter(e) => {
                let plan = self.iter_plan(e)?;
                let mut inner = plan.step;
                inner.extend(body(self, plan.elem)?);
                let mut out = plan.pre;
                out.push(tir::Stmt::While {
                    cond: guard(plan.cond, stop),
                    body: inner,
                });
                Ok(out)
            }
            Source::Gen(elt, gens) => {
                let narrowed = self.flow.narrowed.clone();
                let depth = self.in_comprehension;
                let mut saved = Vec::new();
                let r = self.fold_gens(elt, gens, stop, body, &mut saved);
                self.leave_targets(saved);
                self.flow.narrowed = narrowed;
                self.in_comprehension = depth;
                r
            }
        }
    }

    pub(super) fn fold_gens(
        &mut self,
        elt: &Expr,
        gens: &[ast::Comprehension],
        stop: Option<LocalId>,
        body: &mut Body<'_, 'c, 'a>,
        saved: &mut Vec<Shadowed>,
    ) -> R<Vec<tir::Stmt>> {
        let Some((g, rest)) = gens.split_first() else {
            let v = self.expr(elt, None)?;
            return body(self, v);
        };
        if g.is_async {
            return Err(self.error(g.range, "'async for' is not supported"));
        }
        // The first clause sees the whole list (nothing is bound yet).
        if saved.is_empty() && gens.len() > MAX_FOR_CLAUSES {
            return Err(self.error(
                g.range,
                format!("too many for clauses: more than {MAX_FOR_CLAUSES} in one comprehension"),
            ));
        }
        let plan = match &g.iter {
            // A set display iterated directly: CPython iterates its frozenset constant.
            Expr::Set(s) => {
                let v = self.set_display_as(s, None, super::sets::DisplayUse::Iterated)?;
                self.value_plan(v, g.iter.range())?
            }
            other => self.iter_plan(other)?,
        };
        if saved.is_empty() {
            // Past the first iterable, CPython 3.11 runs a comprehension as a
            // function of its own (restored by `fold`).
            self.in_comprehension += 1;
        }
        self.enter_targets(&g.target, saved);
        let mut inner = plan.step;
        self.bind_loop_target(&g.target, plan.elem, &mut inner)?;
        let mut conds = Vec::new();
        for test in &g.ifs {
            let (c, yes, _) = self.cond(test)?;
            self.apply(&yes);
            conds.push(c);
        }
        let nested = self.fold_gens(elt, rest, stop, body, saved)?;
        match conds.into_iter().reduce(and) {
            Some(c) => inner.push(tir::Stmt::If {
                cond: c,
                then_body: nested,
                else_body: Vec::new(),
            }),
            None => inner.extend(nested),
        }
        let mut out = plan.pre;
        out.push(tir::Stmt::While {
            cond: guard(plan.cond, stop),
            body: inner,
        });
        Ok(out)
    }

    /// A list of the elements of `src` (a comprehension, or `list(iterable)`).
    pub(super) fn collect_list(
        &mut self,
        src: Source<'_>,
        elem: Option<&Type>,
        range: TextRange,
    ) -> R<tir::Expr> {
        let mut acc: Option<LocalId> = None;
        let mut body = |this: &mut Checker<'c, 'a>, v: tir::Expr| -> R<Vec<tir::Stmt>> {
            let v = match elem {
                Some(t) => this.coerce(v, t, range)?,
                None => v,
            };
            let id = this.temp(Type::List(Box::new(v.ty.clone())));
            acc = Some(id);
            let list = tir::Expr::local(id, Type::List(Box::new(v.ty.clone())));
            Ok(vec![tir::Stmt::Expr(tir::Expr::rt(
                Rt::ListAppend,
                vec![list, v],
                Type::None,
            ))])
        };
        let stmts = self.fold(src, None, &mut body)?;
        let Some(id) = acc else { return Err(Reported) };
        let ty = self.locals[id.0 as usize].ty.clone();
        let Type::List(e) = &ty else { unreachable!() };
        let mut all = vec![tir::Stmt::AssignLocal(
            id,
            tir::Expr::rt(
                Rt::ListNew,
                vec![tir::Expr::bool(e.is_ref()), tir::Expr::int(0)],
                ty.clone(),
            ),
        )];
        all.extend(stmts);
        Ok(block(all, tir::Expr::local(id, ty)))
    }

    /// A set of the elements of `src` (a comprehension, or `set(iterable)`).
    pub(super) fn collect_set(
        &mut self,
        src: Source<'_>,
        elem: Option<&Type>,
        range: TextRange,
    ) -> R<tir::Expr> {
        let mut acc: Option<LocalId> = None;
        let mut body = |this: &mut Checker<'c, 'a>, v: tir::Expr| -> R<Vec<tir::Stmt>> {
            let v = match elem {
                Some(t) => this.coerce(v, t, range)?,
                None => v,
            };
            if !is_set_element(&v.ty) {
                return Err(this.error(
                    range,
                    format!(
                        "set elements must be int, bool, str or tuples of those, not {}",
                        this.type_name(&v.ty)
                    ),
                ));
            }
            let ty = Type::Set(Box::new(v.ty.clone()));
            let id = this.temp(ty.clone());
            acc = Some(id);
            Ok(vec![tir::Stmt::Expr(tir::Expr::rt(
                Rt::SetAdd,
                vec![tir::Expr::local(id, ty), v],
                Type::None,
            ))])
        };
        let stmts = self.fold(src, None, &mut body)?;
        let Some(id) = acc else { return Err(Reported) };
        let ty = self.locals[id.0 as usize].ty.clone();
        let mut all = vec![tir::Stmt::AssignLocal(id, new_set(&ty))];
        all.extend(stmts);
        Ok(block(all, tir::Expr::local(id, ty)))
    }

    /// List, set and dict comprehensions, set displays, and generator
    /// expressions (refused outside the builtins that consume them).
    pub(super) fn comprehension_expr(&mut self, e: &Expr, expected: Option<&Type>) -> R<tir::Expr> {
        match e {
            Expr::ListComp(c) => {
                let elem = match expected {
                    Some(Type::List(t)) => Some((**t).clone()),
                    _ => None,
                };
                self.collect_list(
                    Source::Gen(&c.elt, &c.generators),
                    elem.as_ref(),
                    c.elt.range(),
                )
            }
            Expr::SetComp(c) => {
                let elem = match expected {
                    Some(Type::Set(t)) => Some((**t).clone()),
                    _ => None,
                };
                self.collect_set(
                    Source::Gen(&c.elt, &c.generators),
                    elem.as_ref(),
                    c.elt.range(),
                )
            }
            Expr::DictComp(c) => self.dict_comprehension(c, expected),
            Expr::Set(s) => self.set_display(s, expected),
            Expr::Generator(g) => Err(self.error(
                g.range,
                "a generator expression is only supported as the argument of sum, any, all, min, \
                 max, sorted, list, set or str.join: use a list comprehension",
            )),
            _ => unreachable!("only comprehensions"),
        }
    }

    pub(super) fn dict_comprehension(
        &mut self,
        c: &ast::ExprDictComp,
        expected: Option<&Type>,
    ) -> R<tir::Expr> {
        let (kt, vt) = match expected {
            Some(Type::Dict(k, v)) => (Some((**k).clone()), Some((**v).clone())),
            _ => (None, None),
        };
        let mut acc: Option<LocalId> = None;
        let Some(key_expr) = c.key.as_deref() else {
            return Err(self.error(c.range, "'**' unpacking is not supported"));
        };
        let value_expr = &c.value;
        // The key is the comprehension's element; the value is checked next to it.
        let mut body = |this: &mut Checker<'c, 'a>, k: tir::Expr| -> R<Vec<tir::Stmt>> {
            let k = match &kt {
                Some(t) => this.coerce(k, t, key_expr.range())?,
                None => k,
            };
            if !matches!(k.ty, Type::Int | Type::Str) {
                return Err(this.error(
                    key_expr.range(),
                    format!(
                        "dict keys must be int or str, not {}",
                        this.type_name(&k.ty)
                    ),
                ));
            }
            let mut stmts = Vec::new();
            let (s, k) = this.bind_temp(k);
            stmts.push(s);
            let v = match &vt {
                Some(t) => this.expr_as(value_expr, t)?,
                None => this.expr(value_expr, None)?,
            };
            let ty = Type::Dict(Box::new(k.ty.clone()), Box::new(v.ty.clone()));
            let id = this.temp(ty.clone());
            acc = Some(id);
            stmts.push(tir::Stmt::Expr(tir::Expr::rt(
                Rt::DictSetItem,
                vec![tir::Expr::local(id, ty), k, v],
                Type::None,
            )));
            Ok(stmts)
        };
        let stmts = self.fold(Source::Gen(key_expr, &c.generators), None, &mut body)?;
        let Some(id) = acc else { return Err(Reported) };
        let ty = self.locals[id.0 as usize].ty.clone();
        let Type::Dict(k, v) = &ty else {
            unreachable!()
        };
        let mut all = vec![tir::Stmt::AssignLocal(
            id,
            tir::Expr::rt(
                Rt::DictNew,
                vec![
                    tir::Expr::bool(**k == Type::Str),
                    tir::Expr::bool(v.is_ref()),
                ],
                ty.clone(),
            ),
        )];
        all.extend(stmts);
        Ok(block(all, tir::Expr::local(id, ty)))
    }

    /// Builtins this module owns, and the consuming builtins called with a
    /// generator expression or an iterable the older paths do not take;
    /// `None` leaves the call to [`Checker::builtin_call`].
    pub(super) fn collections_call(
        &mut self,
        name: &str,
        c: &ast::ExprCall,
        expected: Option<&Type>,
    ) -> Option<R<tir::Expr>> {
        let args = &c.arguments.args;
        let first_is_new = args.first().is_some_and(|a| {
            matches!(a, Expr::Generator(_))
                || self
                    .builtin_callee(a)
                    .is_some_and(|(n, _)| matches!(n, "range" | "enumerate" | "zip" | "reversed"))
        });
        Some(match name {
            "enumerate" | "zip" | "reversed" => Err(self.error(
                c.range(),
                format!("{name}() is only supported as the iterable of a for loop or comprehension, or inside list(), sorted(), set()..."),
            )),
            "sum" => self.sum(c),
            "any" | "all" => self.any_all(name, c),
            "set" => self.set_call(c, expected),
            "tuple" => self.tuple_call(c, expected),
            "type" => Err(self.error(
                c.range(),
                "type() is only supported as type(x).__name__",
            )),
            "list" if first_is_new && args.len() == 1 && c.arguments.keywords.is_empty() => {
                let elem = match expected {
                    Some(Type::List(t)) => Some((**t).clone()),
                    _ => None,
                };
                self.collect_list(Source::of(&args[0]), elem.as_ref(), args[0].range())
            }
            "sorted" | "min" | "max" if first_is_new => self.consume_as_list(name, c),
            _ => return None,
        })
    }

    /// `sorted`, `min` and `max` of a generator or of a lazily iterated iterable.
    pub(super) fn consume_as_list(&mut self, name: &str, c: &ast::ExprCall) -> R<tir::Expr> {
        let slots: &[Slot<'_>] = if name == "sorted" {
            &[Slot::pos("iterable"), Slot::kw_opt("reverse")]
        } else {
            &[Slot::pos("iterable")]
        };
        let b = self.bind_args(c, name, slots)?;
        let x = b[0].expect("required");
        let l = self.collect_list(Source::of(x), None, x.range())?;
        let Type::List(e) = l.ty.clone() else {
            unreachable!()
        };
        if name == "sorted" {
            let rev = match b.get(1).copied().flatten() {
                Some(r) => self.expr_as(r, &Type::Bool)?,
                None => tir::Expr::bool(false),
            };
            return self.sorted_list(l, rev, x.range());
        }
        self.min_max_of_list(name, l, *e, x.range())
    }

    pub(super) fn sum(&mut self, c: &ast::ExprCall) -> R<tir::Expr> {
        let b = self.bind_args(c, "sum", &[Slot::pos("iterable"), Slot::arg_opt("start")])?;
        let x = b[0].expect("required");
        let start = match b[1] {
            Some(s) => Some(self.expr(s, None)?),
            None => None,
        };
        let acc = self.temp(Type::Int);
        let mut elem_ty: Option<Type> = None;
        let start_ty = start.as_ref().map(|s| s.ty.clone());
        let mut body = |this: &mut Checker<'c, 'a>, v: tir::Expr| -> R<Vec<tir::Stmt>> {
            let ty = match (&v.ty, &start_ty) {
                (Type::Int, None | Some(Type::Int)) => Type::Int,
                (Type::Float, Some(Type::Float)) | (Type::Int, Some(Type::Float)) => Type::Float,
                (Type::Float, None | Some(Type::Int)) => {
                    return Err(this.error(
                        c.range(),
                        "sum() of floats needs a float start (sum(xs, 0.0)): with none, CPython returns the int 0 when there are no elements",
                    ));
                }
                (t, _) => {
                    let t = t.clone();
                    return Err(this.error(
                        x.range(),
                        format!("sum() adds ints or floats, not {}", this.type_name(&t)),
                    ));
                }
            };
            this.locals[acc.0 as usize].ty = ty.clone();
            elem_ty = Some(ty.clone());
            let cur = tir::Expr::local(acc, ty.clone());
            let v = if ty == Type::Float && v.ty == Type::Int {
                super::values::to_float(v)
            } else {
                v
            };
            let op = if ty == Type::Float {
                BinaryOp::FloatAdd
            } else {
                BinaryOp::IntAddChecked
            };
            Ok(vec![tir::Stmt::AssignLocal(
                acc,
                tir::Expr::binary(op, cur, v, ty),
            )])
        };
        let stmts = self.fold(Source::of(x), None, &mut body)?;
        let ty = elem_ty.ok_or(Reported)?;
        let init = match start {
            Some(s) => s,
            None => tir::Expr::int(0),
        };
        let mut all = vec![tir::Stmt::AssignLocal(acc, init)];
        all.extend(stmts);
        Ok(block(all, tir::Expr::local(acc, ty)))
    }

    /// `any(...)`/`all(...)`: stops at the first true (false) element.
    pub(super) fn any_all(&mut self, name: &str, c: &ast::ExprCall) -> R<tir::Expr> {
        let b = self.bind_args(c, name, &[Slot::pos("iterable")])?;
        let x = b[0].expect("required");
        let is_any = name == "any";
        let done = self.temp(Type::Bool);
        let mut body = |this: &mut Checker<'c, 'a>, v: tir::Expr| -> R<Vec<tir::Stmt>> {
            let t = this.truthy(v)?;
            let decisive = if is_any { t } else { not(t) };
            Ok(vec![tir::Stmt::If {
                cond: decisive,
                then_body: vec![tir::Stmt::AssignLocal(done, tir::Expr::bool(true))],
                else_body: Vec::new(),
            }])
        };
        let stmts = self.fold(Source::of(x), Some(done), &mut body)?;
        let mut all = vec![tir::Stmt::AssignLocal(done, tir::Expr::bool(false))];
        all.extend(stmts);
        let result = tir::Expr::local(done, Type::Bool);
        Ok(block(all, if is_any { result } else { not(result) }))
    }

    /// `sep.join(x for x in ...)`: `None` when the argument is no generator.
    pub(super) fn join_generator(
        &mut self,
        sep: &tir::Expr,
        c: &ast::ExprCall,
    ) -> Option<R<tir::Expr>> {
        let [g @ Expr::Generator(_)] = &c.arguments.args[..] else {
            return None;
        };
        Some((|| {
            let l = self.collect_list(Source::of(g), Some(&Type::Str), g.range())?;
            Ok(tir::Expr::rt(Rt::StrJoin, vec![sep.clone(), l], Type::Str))
        })())
    }

    /// `type(x).__name__`; `None` for any other attribute.
    pub(super) fn type_name_attr(&mut self, a: &ast::ExprAttribute) -> Option<R<tir::Expr>> {
        let (name, c) = self.builtin_callee(&a.value)?;
        if name != "type" || a.attr.id.as_str() != "__name__" {
            return None;
        }
        Some((|| {
            let [x] = &c.arguments.args[..] else {
                return Err(self.error(c.range(), "type() takes exactly one argument"));
            };
            if !c.arguments.keywords.is_empty() {
                return Err(self.error(c.range(), "type() takes no keyword arguments"));
            }
            let v = self.expr(x, None)?;
            let t = v.ty.clone();
            if matches!(t, Type::Callable(..)) {
                // CPython says `function` or `method`, which the type does not tell apart.
                return Err(self.error(
                    x.range(),
                    "type(f).__name__ of a function value is not supported",
                ));
            }
            Ok(tir::Expr::rt(
                Rt::TypeName,
                vec![v, tir::Expr::type_code(t)],
                Type::Str,
            ))
        })())
    }

    /// `sorted` of a fresh list.
    pub(super) fn sorted_list(
        &mut self,
        l: tir::Expr,
        rev: tir::Expr,
        range: TextRange,
    ) -> R<tir::Expr> {
        self.sort_in_place_expr(l, rev, range)
    }

    pub(super) fn min_max_of_list(
        &mut self,
        name: &str,
        l: tir::Expr,
        e: Type,
        range: TextRange,
    ) -> R<tir::Expr> {
        self.check_orderable(&e, range)?;
        let rt = if name == "min" {
            Rt::ListMin
        } else {
            Rt::ListMax
        };
        Ok(tir::Expr::rt(
            rt,
            vec![l, tir::Expr::type_code(e.clone())],
            e,
        ))
    }
}

/// A loop condition that is also false once `stop` is set.
pub(super) fn guard(cond: tir::Expr, stop: Option<LocalId>) -> tir::Expr {
    match stop {
        Some(s) => and(not(tir::Expr::local(s, Type::Bool)), cond),
        None => cond,
    }
}

/// The names a comprehension target binds.
pub(super) fn collect_names(t: &Expr, out: &mut Vec<String>) {
    match t {
        Expr::Name(n) => out.push(n.id.to_string()),
        Expr::Tuple(tu) => tu.elts.iter().for_each(|e| collect_names(e, out)),
        Expr::List(l) => l.elts.iter().for_each(|e| collect_names(e, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::MAX_FOR_CLAUSES;
    use crate::frontend::tests::{check, program};

    pub(super) fn clauses(n: usize) -> String {
        let fors: Vec<String> = (0..n).map(|i| format!("for v{i} in range(2)")).collect();
        program(&format!("    print(len([0 {}]))\n", fors.join(" ")))
    }

    #[test]
    pub(super) fn comprehension_variables_do_not_leak() {
        let diags = check(&program(
            "    ys = [i for i in range(3)]\n    print(ys, i)\n",
        ));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0].starts_with("main.py:4:15: error: name 'i' is not defined"),
            "{}",
            diags[0]
        );
    }

    #[test]
    pub(super) fn a_comprehension_variable_shadows_a_local_of_another_type() {
        let body = "    i = \"s\"\n    ys = [i * 2 for i in range(3)]\n    print(ys, i + \"!\")\n";
        assert_eq!(check(&program(body)), Vec::<String>::new());
    }

    #[test]
    pub(super) fn a_generator_expression_outside_a_consuming_call_is_refused() {
        let diags = check(&program("    g = (i for i in range(3))\n"));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0].contains("a generator expression is only supported"),
            "{}",
            diags[0]
        );
    }

    #[test]
    pub(super) fn optional_values_narrow_and_box() {
        let body = "    v: int | None = None\n    if x > 1:\n        v = x\n    if v is not None:\n        print(v + 1)\n";
        assert_eq!(check(&program(body)), Vec::<String>::new());
        let diags = check(&program("    v: int | None = None\n    print(v + 1)\n"));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0].contains("narrow the optional first"),
            "{}",
            diags[0]
        );
    }

    #[test]
    pub(super) fn sets_refuse_unhashable_elements() {
        let diags = check(&program("    s: set[float] = set()\n"));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0].contains("set elements must be int, bool, str or tuples"),
            "{}",
            diags[0]
        );
    }

    #[test]
    pub(super) fn for_clauses_up_to_the_limit_are_accepted() {
        assert_eq!(check(&clauses(MAX_FOR_CLAUSES)), Vec::<String>::new());
    }

    #[test]
    pub(super) fn for_clauses_past_the_limit_are_one_error() {
        let diags = check(&clauses(MAX_FOR_CLAUSES + 1));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0].contains(&format!(
                "too many for clauses: more than {MAX_FOR_CLAUSES}"
            )),
            "{}",
            diags[0]
        );
    }
}
