"""PowerShell statements as Python statements: assignments, output (`rt.out` at the top of the
script, `yield` in a function), if/elif/else, foreach/while/do loops, functions with their
parameters.  What a statement writes to the output is decided here: an assignment writes
nothing, a pipeline ending in Out-Null writes nothing, anything else is output."""

from __future__ import annotations

from typing import Any

from pscompat.migrate.context import Code, ConvertContext, ConverterBase, FunctionInfo, Unsupported
from pscompat.migrate.expressions import AUTOMATIC_UNSUPPORTED, SCALAR_KINDS, py_string
from pscompat.migrate.names import snake_case
from pscompat.syntax import nodes as N

STEPS = ("post++", "post--", "pre++", "pre--")


class Writer:
    """Python lines with indentation."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.depth = 0

    def line(self, text: str) -> None:
        self.lines.append("    " * self.depth + text if text else "")

    def indent(self) -> Writer:
        self.depth += 1
        return self

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.depth -= 1


class StatementConverter(ConverterBase):
    out: Writer

    # ------------------------------------------------------------------ blocks

    def block(self, statements: tuple) -> None:
        before = len(self.out.lines)
        for statement in statements:
            self.comments_before(statement)
            self.statement(statement)
        if len(self.out.lines) == before or all(not line.strip() for line in self.out.lines[before:]):
            self.out.line("pass")

    def statement(self, node: Any) -> None:
        method = getattr(self, "stmt_" + type(node).__name__, None)
        if method is None:
            raise Unsupported(node, f"the {type(node).__name__} statement is not converted yet")
        method(node)

    # ------------------------------------------------------------------ output

    def write_output(self, code: Code) -> None:
        """A statement's output: to the script's output (rt.out) or the function's (yield)."""
        function = self.ctx.in_function
        if code.kind == "none":  # a call that returns nothing: the call alone
            self.out.line(code.text)
        elif function is None:
            self.out.line(f"rt.out({_sole_argument(code.text)})")
        else:
            function.writes = True
            self._yield(code)

    def _yield(self, code: Code) -> None:
        if code.is_stream:
            self.out.line(f"yield from {code.text}")
        elif code.kind in SCALAR_KINDS or code.kind == "object":
            self.out.line(f"yield {code.text}")
        else:
            self.out.line(f"yield from rt.emit({code.text})")

    def stmt_Pipeline(self, node: N.Pipeline) -> None:
        only = node.elements[0]
        if len(node.elements) == 1 and isinstance(only, N.CommandExpression) and not only.redirections:
            if isinstance(only.expression, N.Paren) and isinstance(only.expression.pipeline, N.Pipeline):
                node = only.expression.pipeline  # (a | b) as a statement writes what a | b writes
        only = node.elements[0]
        if len(node.elements) == 1 and isinstance(only, N.CommandExpression) and not only.redirections:
            step = only.expression
            if isinstance(step, N.Unary) and step.op in STEPS and isinstance(step.operand, N.Variable):
                self.step(step)  # $i++ as a statement writes nothing
                return
            call = only.expression
            if isinstance(call, N.InvokeMember) and not call.static and not call.null_conditional:
                code = self.expr(call)
                if code.text.startswith("rt.call("):  # a void method writes nothing
                    self.write_output(Code("rt.call_statement(" + code.text[len("rt.call(") :], "list"))
                    return
        last = node.elements[-1]
        discard = isinstance(last, N.Command) and _command_name(last) in ("out-null",)
        if discard:
            if len(node.elements) == 1:
                return
            node = N.Pipeline(span=node.span, elements=node.elements[:-1])
        if _is_write_host(node):
            self.write_host(node)
            return
        code = self.pipeline_value(node)
        if discard:
            if code.kind == "iter":
                self.out.line(f"for _ in {code.text}:")
                with self.out.indent():
                    self.out.line("pass")
            else:
                self.out.line(code.text)
            return
        self.write_output(code)

    def step(self, node: N.Unary) -> None:
        assert isinstance(node.operand, N.Variable)  # stmt_Pipeline checked
        name = self.variable_target(node.operand)
        sign = "+" if "++" in node.op else "-"
        known = self.ctx.kinds.get(name)
        if known is not None and known.kind == "int":
            self.out.line(f"{name} {sign}= 1")
        else:
            self.out.line(f"{name} = rt.op({py_string(sign)}, {name}, 1)")
            self.ctx.kinds.pop(name, None)

    def write_host(self, node: N.Pipeline) -> None:
        command = node.elements[0]
        values = [e for e in command.elements[1:]]
        if any(isinstance(v, N.CommandParameter) for v in values):
            raise Unsupported(command, "Write-Host with parameters is not converted yet")
        texts = [self.expr(v) for v in values]
        parts = [t.text if t.kind == "str" else f"rt.text({t.text})" for t in texts]
        self.out.line(f"print({', '.join(parts)})")

    # ------------------------------------------------------------------ assignments

    def stmt_Assignment(self, node: N.Assignment) -> None:
        value = self.assigned_value(node.value)
        target = node.target
        if isinstance(target, N.Variable) and not target.splatted:
            name = self.variable_target(target)
            if node.op == "=":
                self.out.line(f"{name} = {value.text}")
                self.ctx.kinds[name] = value
                return
            if node.op == "??=":
                self.out.line(f"if {name} is None:")
                with self.out.indent():
                    self.out.line(f"{name} = {value.text}")
                self.ctx.kinds.pop(name, None)
                return
            current = Code(name, self.ctx.kinds[name].kind if name in self.ctx.kinds else None)
            op = node.op[:-1]
            if current.kind in ("int", "float") and value.kind in ("int", "float") and op in "+-*":
                self.out.line(f"{name} {node.op} {value.text}")
            else:
                self.out.line(f"{name} = rt.op({py_string(op)}, {name}, {value.text})")
                self.ctx.kinds.pop(name, None)
            return
        if isinstance(target, N.Member) and node.op == "=" and isinstance(target.member, N.StringConstant):
            obj = self.expr(target.target)
            self.out.line(f"rt.set_member({obj.text}, {py_string(target.member.value)}, {value.text})")
            return
        raise Unsupported(node, "this assignment target is not converted yet")

    def assigned_value(self, statement: Any) -> Code:
        if isinstance(statement, N.Assignment):
            raise Unsupported(statement, "chained assignments are not converted yet")
        return self.collected(self.pipeline_value(statement))

    def variable_target(self, target: N.Variable) -> str:
        name = target.name
        folded = name.lower()
        scoped = False
        for prefix in ("script:", "global:"):
            if folded.startswith(prefix):
                name, scoped = name[len(prefix) :], True
        if ":" in name or folded in ("_", "psitem", "matches", "args", "input", "this"):
            raise Unsupported(target, f"assigning ${target.name} is not converted yet")
        if folded.endswith("preference") or name.lower() in AUTOMATIC_UNSUPPORTED:
            raise Unsupported(target, f"${name} changes how PowerShell runs; the Python has no such setting")
        py = self.ctx.python_name(name)
        if scoped and self.ctx.in_function is not None and py not in self.ctx.globals_written:
            self.ctx.globals_written.add(py)
            self.out.line(f"global {py}")
        return py

    # ------------------------------------------------------------------ control flow

    def stmt_If(self, node: N.If) -> None:
        before = dict(self.ctx.kinds)
        outcomes = []
        for i, (test, body) in enumerate(node.clauses):
            cond = self.condition(self.collected(self.pipeline_value(test)))
            self.out.line(f"{'if' if i == 0 else 'elif'} {cond}:")
            self.ctx.kinds = dict(before)
            with self.out.indent():
                self.block(body.statements)
            outcomes.append(self.ctx.kinds)
        self.ctx.kinds = dict(before)
        if node.else_body is not None:
            self.out.line("else:")
            with self.out.indent():
                self.block(node.else_body.statements)
        outcomes.append(self.ctx.kinds)
        # after the if, a name has a kind only when every way through gave it the same one
        names = set().union(*outcomes)
        self.ctx.kinds = {
            name: outcomes[0][name]
            for name in names
            if all(name in o and o[name].kind == outcomes[0][name].kind for o in outcomes)
        }

    def stmt_ForEach(self, node: N.ForEach) -> None:
        if node.label:
            raise Unsupported(node, "loop labels are not converted yet")
        iterable = self.pipeline_value(node.iterable)
        name = self.variable_target(node.variable)
        source = iterable.text if iterable.is_stream or iterable.kind == "array" else f"rt.iterate({iterable.text})"
        item = Code(name, "object" if iterable.model else None, iterable.model)
        if source.startswith("list(range(") and source.endswith("))"):
            source = source[5:-1]  # foreach ($i in 1..10): range(1, 11), of ints
            item = Code(name, "int")
        self.ctx.kinds[name] = item
        self.out.line(f"for {name} in {source}:")
        self.loop_body(node.body)

    def stmt_While(self, node: N.While) -> None:
        if node.label:
            raise Unsupported(node, "loop labels are not converted yet")
        self.out.line(f"while {self.condition(self.collected(self.pipeline_value(node.condition)))}:")
        self.loop_body(node.body)

    def stmt_DoLoop(self, node: N.DoLoop) -> None:
        if node.label or _has_continue(node.body):
            raise Unsupported(node, "do loops with labels or continue are not converted yet")
        cond = self.condition(self.collected(self.pipeline_value(node.condition)))
        self.out.line("while True:")
        self.loop_body(node.body)
        with self.out.indent():
            self.out.line(f"if {cond}:" if node.until else f"if not ({cond}):")
            with self.out.indent():
                self.out.line("break")

    def loop_body(self, body: N.StatementBlock) -> None:
        # A later iteration sees what the body assigned: keep a kind only where every assignment
        # in the body keeps it (an int stepped by int constants or int variables stays an int).
        for node in N.walk(body):
            target = None
            if isinstance(node, N.Assignment) and isinstance(node.target, N.Variable):
                target = node.target
                if self._keeps_int(node):
                    continue
            elif isinstance(node, N.Unary) and node.op in STEPS and isinstance(node.operand, N.Variable):
                continue
            elif isinstance(node, N.ForEach):
                target = node.variable
            if target is not None:
                self.ctx.kinds.pop(self.ctx.python_name(target.name.split(":")[-1]), None)
        self.ctx.loops += 1
        try:
            with self.out.indent():
                self.block(body.statements)
        finally:
            self.ctx.loops -= 1

    def _keeps_int(self, node: N.Assignment) -> bool:
        if not isinstance(node.target, N.Variable):
            return False
        name = self.ctx.python_name(node.target.name.split(":")[-1])
        known = self.ctx.kinds.get(name)
        if known is None or known.kind != "int" or node.op not in ("+=", "-=", "*="):
            return False
        value = node.value
        if not isinstance(value, N.Pipeline) or len(value.elements) != 1:
            return False
        element = value.elements[0]
        if not isinstance(element, N.CommandExpression):
            return False
        operand = element.expression
        if isinstance(operand, N.Constant):
            return type(operand.value) is int
        if isinstance(operand, N.Variable):
            other = self.ctx.kinds.get(self.ctx.python_name(operand.name))
            return other is not None and other.kind == "int"
        return False

    def stmt_Break(self, node: N.Break) -> None:
        if node.label:
            raise Unsupported(node, "break with a label is not converted yet")
        if not self.ctx.loops:
            raise Unsupported(node, "break outside a loop (in PowerShell it stops the script or a caller's loop)")
        self.out.line("break")

    def stmt_Continue(self, node: N.Continue) -> None:
        if node.label:
            raise Unsupported(node, "continue with a label is not converted yet")
        if not self.ctx.loops:
            raise Unsupported(node, "continue outside a loop (in PowerShell it stops the script or a caller's loop)")
        self.out.line("continue")

    def stmt_Return(self, node: N.Return) -> None:
        function = self.ctx.in_function
        if function is None:
            raise Unsupported(node, "return at the script's top level is not converted yet")
        if node.pipeline is None:
            self.out.line("continue" if self.ctx.processing and not self.ctx.loops else "return")
            return
        code = self.pipeline_value(node.pipeline)
        if self.ctx.processing and not self.ctx.loops:
            self.write_output(code)
            self.out.line("continue")  # `return` in process ends this object's turn
        elif function.generator:
            self.write_output(code)
            self.out.line("return")
            function.writes = True
        else:
            self.out.line(f"return {self.returned(code).text}")

    def returned(self, code: Code) -> Code:
        """What the caller of a function receives when it writes `code` and nothing else."""
        if code.is_stream:
            return Code(f"rt.value({code.text})", None)
        if code.kind in SCALAR_KINDS or code.kind in ("none", "object"):
            return code
        return Code(f"rt.value(rt.emit({code.text}))", None)

    # ------------------------------------------------------------------ errors

    def stmt_Throw(self, node: N.Throw) -> None:
        if node.pipeline is None:
            if self.ctx.catching:
                self.out.line("raise")  # a bare throw in a catch block rethrows
                return
            self.out.line("raise rt.thrown()")
            return
        self.out.line(f"raise rt.thrown({self.collected(self.pipeline_value(node.pipeline)).text})")

    def stmt_Try(self, node: N.Try) -> None:
        self.out.line("try:")
        with self.out.indent():
            self.block(node.body.statements)
        if node.catches:
            error = self.fresh_name("error")
            exc = self.fresh_name("exc")
            self.out.line(f"except Exception as {exc}:")
            with self.out.indent():
                self.out.line(f"{error} = rt.record({exc})")
                outer_item, outer_catching = self.ctx.item, self.ctx.catching
                self.ctx.item, self.ctx.catching = Code(error, None), True
                try:
                    self.catch_clauses(node.catches, exc)
                finally:
                    self.ctx.item, self.ctx.catching = outer_item, outer_catching
        if node.finally_ is not None:
            self.out.line("finally:")
            with self.out.indent():
                self.block(node.finally_.statements)

    def catch_clauses(self, catches: tuple, exc: str) -> None:
        first = True
        for catch in catches:
            if not catch.types:
                if first:
                    self.block(catch.body.statements)
                    return
                self.out.line("else:")
                with self.out.indent():
                    self.block(catch.body.statements)
                return
            test = " or ".join(f"rt.catches({exc}, {py_string(t.name)})" for t in catch.types)
            self.out.line(f"{'if' if first else 'elif'} {test}:")
            with self.out.indent():
                self.block(catch.body.statements)
            first = False
        self.out.line("else:")
        with self.out.indent():
            self.out.line("raise")

    def fresh_name(self, base: str) -> str:
        name = base
        while name in self.ctx.assigned:
            name += "_"
        self.ctx.assigned.add(name)
        return name

    # ------------------------------------------------------------------ switch

    def stmt_Switch(self, node: N.Switch) -> None:
        if node.label or node.flags:
            raise Unsupported(node, "switch with flags or a label is not converted yet")
        subject = self.collected(self.pipeline_value(node.value))
        item = Code(self.fresh_name("value"), subject.kind if subject.kind in SCALAR_KINDS else None)
        outer = self.ctx.item
        self.ctx.item = item
        try:
            tests = [self.switch_test(clause.pattern, item) for clause in node.clauses]
        finally:
            self.ctx.item = outer
        if self.switch_is_chain(node, subject, tests):
            self.switch_chain(node, subject, item, tests)
            return
        matched = self.fresh_name("matched")
        self.out.line(f"for {item.text} in rt.switch_values({subject.text}):")
        self.ctx.loops += 1
        self.ctx.item = item
        try:
            with self.out.indent():
                if node.default is not None:
                    self.out.line(f"{matched} = False")
                for clause, test in zip(node.clauses, tests):
                    self.out.line(f"if {test}:")
                    with self.out.indent():
                        if node.default is not None:
                            self.out.line(f"{matched} = True")
                        self.block(clause.body.statements)
                if node.default is not None:
                    self.out.line(f"if not {matched}:")
                    with self.out.indent():
                        self.block(node.default.statements)
        finally:
            self.ctx.loops -= 1
            self.ctx.item = outer

    def switch_test(self, pattern: Any, item: Code) -> str:
        if isinstance(pattern, N.ScriptBlockExpression):
            return self.condition(self.block_expression(pattern.body, item))
        value = self.expr(pattern)
        if value.kind == "none":
            return f"{item.text} is None"
        # -eq's rules (case-insensitive, the pattern converted to the value's type)
        return self.condition(Code(f"rt.eq({item.text}, {value.text})", "bool"))

    def switch_is_chain(self, node: N.Switch, subject: Code, tests: list[str]) -> bool:
        """One value and distinct constant patterns: at most one clause can match, so if/elif."""
        if subject.kind not in SCALAR_KINDS:
            return False
        seen = set()
        for clause in node.clauses:
            pattern = clause.pattern
            if not isinstance(pattern, (N.Constant, N.StringConstant)) or type(pattern.value) not in (str, int):
                return False
            key = str(pattern.value).casefold()
            if key in seen or any(isinstance(n, (N.Break, N.Continue)) for n in N.walk(clause.body)):
                return False
            seen.add(key)
        if node.default is not None and any(isinstance(n, (N.Break, N.Continue)) for n in N.walk(node.default)):
            return False
        return len({type(c.pattern.value) for c in node.clauses} | {str if subject.kind == "str" else int}) == 1

    def switch_chain(self, node: N.Switch, subject: Code, item: Code, tests: list[str]) -> None:
        self.out.line(f"{item.text} = {subject.text}")
        outer = self.ctx.item
        self.ctx.item = item
        try:
            for i, (clause, test) in enumerate(zip(node.clauses, tests)):
                self.out.line(f"{'if' if i == 0 else 'elif'} {test}:")
                with self.out.indent():
                    self.block(clause.body.statements)
            if node.default is not None:
                if node.clauses:
                    self.out.line("else:")
                    with self.out.indent():
                        self.block(node.default.statements)
                else:
                    self.block(node.default.statements)
        finally:
            self.ctx.item = outer

    # ------------------------------------------------------------------ functions

    def stmt_FunctionDefinition(self, node: N.FunctionDefinition) -> None:
        if self.ctx.in_function is not None:
            raise Unsupported(node, "a function inside a function is not converted yet")
        info = self.ctx.functions[node.name.lower()]
        body = _as_filter(node)
        declarations = node.parameters if node.parameters is not None else ()
        if body.param_block is not None:
            for attribute in body.param_block.attributes:
                if attribute.name.lower() != "cmdletbinding" or attribute.positional or attribute.named:
                    raise Unsupported(attribute, f"[{attribute.name}(...)] on a function is not converted yet")
            declarations = body.param_block.parameters
        signature: list[str] = []
        required: list[str] = []
        conversions: list[str] = []
        # a function runs when it is called: what the script's variables hold then is unknown
        outer_kinds = self.ctx.kinds
        self.ctx.kinds = {}
        from_pipeline = None
        positions = [p for p in (_position(decl) for decl in declarations) if p is not None]
        if len(positions) != len(set(positions)):
            raise Unsupported(node, "parameters sharing a position (a binding error in PowerShell) are not converted")
        for decl in declarations:
            mandatory, by_value = parameter_flags(decl)
            py = self.ctx.python_name(decl.name)
            if by_value:
                if from_pipeline is not None or body.process is None:
                    raise Unsupported(decl, "this ValueFromPipeline parameter is not converted yet")
                from_pipeline = (decl, py)
            type_name = decl.type.name.lower() if decl.type is not None else None
            default = "False" if type_name == "switch" else "None"
            if decl.default is not None:
                code = self.expr(decl.default)
                if isinstance(decl.default, (N.Constant, N.StringConstant)) or code.text in ("True", "False", "None"):
                    default = code.text
                else:  # evaluated per call, after the parameters before it: in the body
                    conversions.insert(0, f"if {py} is None:\n    {py} = {code.text}")
            if mandatory:
                required.append(py)  # no default: Python refuses a call without it
            else:
                signature.append(f"{py}={default}")
            if mandatory and not by_value:  # a piped parameter is bound per object, later
                type_text = py_string(decl.type.name) if decl.type is not None else "None"
                conversions.append(
                    f"{py} = rt.mandatory({py}, {type_text}, {py_string(decl.name)}, {py_string(node.name)})"
                )
            kind = {"string": "str", "int": "int", "double": "float", "bool": "bool", "switch": "bool"}.get(
                type_name or ""
            )
            if type_name not in (None, "switch", "object"):
                conversions.append(f"{py} = rt.parameter({py}, {py_string(decl.type.name)}, {py_string(decl.name)})")
            self.ctx.kinds[py] = Code(py, kind)
        _check_locals(node)
        if info.input is not None:
            signature.insert(0, f"{info.input}=None")
        self.out.line(f"def {info.name}({', '.join(required + signature)}):")
        outer, loops = self.ctx.in_function, self.ctx.loops
        self.ctx.in_function, self.ctx.loops = info, 0
        try:
            with self.out.indent():
                for text in conversions:
                    for line in text.split("\n"):
                        self.out.line(line)
                statements = body.end.statements if body.end is not None else ()
                if body.process is not None:
                    self.process_function(body, info, from_pipeline)
                elif not info.generator:
                    for statement in statements[:-1]:
                        self.comments_before(statement)
                        self.statement(statement)
                    self.comments_before(statements[-1])
                    last = statements[-1]
                    value = last.pipeline if isinstance(last, N.Return) else last
                    self.out.line(f"return {self.returned(self.pipeline_value(value)).text}")
                else:
                    self.block(statements)
        finally:
            self.ctx.in_function, self.ctx.loops = outer, loops
            self.ctx.kinds = outer_kinds
            for written in self.ctx.globals_written:  # the function may change them when called
                self.ctx.kinds.pop(written, None)
            self.ctx.globals_written = set()
        self.out.line("")

    def process_function(self, body: N.ScriptBlock, info: FunctionInfo, from_pipeline: Any) -> None:
        """begin, then process once per input object ($_; a ValueFromPipeline parameter takes it;
        `return` ends that object's turn), then end.  Called without input, process runs once."""
        if body.begin is not None:
            self.block(body.begin.statements)
        process = body.process
        assert process is not None and info.input is not None
        uses_item = any(isinstance(n, N.Variable) and n.name.lower() in ("_", "psitem") for n in N.walk(process))
        outer_item = self.ctx.item
        conversion = typed = None
        if from_pipeline is not None:
            decl, py = from_pipeline
            if decl.type is not None and decl.type.name.lower() not in ("object", "psobject"):
                typed = f"{py_string(decl.type.name)}, {py_string(decl.name)}"
                conversion = f"{py} = rt.parameter({py}, {typed})"
        if from_pipeline is not None and not uses_item:
            # the parameter takes each object; called without input, it keeps its argument
            item = Code(from_pipeline[1], None)
            if typed is not None:
                self.out.line(f"for {item.text} in rt.piped({info.input}, {item.text}, {typed}):")
                conversion = None
            else:
                self.out.line(f"for {item.text} in rt.process_input({info.input}, {item.text}):")
        else:
            item = Code(self.fresh_name("item"), None)
            self.out.line(f"for {item.text} in rt.process_input({info.input}):")
        self.ctx.item, self.ctx.processing = item, True
        try:
            with self.out.indent():
                if from_pipeline is not None and uses_item:
                    self.out.line(f"if {info.input} is not None:")
                    with self.out.indent():
                        self.out.line(f"{from_pipeline[1]} = {item.text}")
                if conversion is not None:
                    self.out.line(conversion)
                self.block(process.statements)
        finally:
            self.ctx.item, self.ctx.processing = outer_item, False
        if body.end is not None:
            self.block(body.end.statements)


def _position(decl: N.ParameterDecl) -> int | None:
    for attribute in decl.attributes:
        if isinstance(attribute, N.Attribute) and attribute.name.lower() == "parameter":
            for name, value in attribute.named:
                if name.lower() == "position" and isinstance(value, N.Constant) and type(value.value) is int:
                    return value.value
    return None


def parameter_flags(decl: N.ParameterDecl) -> tuple[bool, bool]:
    """(Mandatory, ValueFromPipeline) from [Parameter(...)] (Position and HelpMessage allowed too);
    other attributes are refused."""
    mandatory = by_value = False
    for attribute in decl.attributes:
        if isinstance(attribute, N.TypeName):
            continue
        if attribute.name.lower() != "parameter" or attribute.positional:
            raise Unsupported(attribute, f"the [{attribute.name}()] attribute is not converted yet")
        for name, value in attribute.named:
            folded = name.lower()
            on = value is None or (isinstance(value, N.Variable) and value.name.lower() == "true")
            if folded == "mandatory":
                mandatory = on
            elif folded == "valuefrompipeline":
                by_value = on
            elif folded not in ("position", "helpmessage"):
                raise Unsupported(attribute, f"Parameter({name}) is not converted yet")
    return mandatory, by_value


def _check_locals(function: N.FunctionDefinition) -> None:
    """A function that reads a variable before assigning it reads the caller's in PowerShell and
    then has its own; a Python function has one or the other: not converted."""
    first_write: dict[str, int] = {}
    reads: list[tuple[str, Any]] = []
    for node in N.walk(function.body):
        if isinstance(node, N.Assignment) and isinstance(node.target, N.Variable):
            name = node.target.name.lower()
            if ":" not in name:
                first_write[name] = min(first_write.get(name, node.span.start), node.span.start)
                if node.op != "=":
                    reads.append((name, node))
        elif isinstance(node, N.ForEach):
            name = node.variable.name.lower()
            first_write[name] = min(first_write.get(name, node.span.start), node.span.start)
    for node in N.walk(function.body):
        if isinstance(node, N.Variable) and ":" not in node.name:
            reads.append((node.name.lower(), node))
    for name, node in reads:
        start = first_write.get(name)
        if start is not None and node.span.start <= start and not _is_target(node, function):
            raise Unsupported(
                node,
                f"${node.name if isinstance(node, N.Variable) else name} is read before the "
                "function assigns it (PowerShell reads the caller's, Python cannot)",
            )


def _is_target(variable: Any, function: N.FunctionDefinition) -> bool:
    for node in N.walk(function.body):
        if isinstance(node, N.Assignment) and node.target is variable and node.op == "=":
            return True
        if isinstance(node, N.ForEach) and node.variable is variable:
            return True
    return False


def _sole_argument(text: str) -> str:
    """A generator expression as a call's only argument needs no parentheses of its own."""
    if not (text.startswith("(") and text.endswith(")") and " for " in text):
        return text
    depth = 0
    for i, char in enumerate(text):
        depth += char in "([{"
        depth -= char in ")]}"
        if depth == 0 and i < len(text) - 1:
            return text  # the first parenthesis closes early: (a)(b)
    return text[1:-1] if depth == 0 else text  # (a parenthesis in a string literal: leave it)


def _command_name(command: N.Command) -> str:
    head = command.elements[0]
    return head.value.lower() if isinstance(head, N.StringConstant) else ""


def _is_write_host(node: N.Pipeline) -> bool:
    return (
        len(node.elements) == 1
        and isinstance(node.elements[0], N.Command)
        and _command_name(node.elements[0]) == "write-host"
    )


def _has_continue(node: Any) -> bool:
    return any(isinstance(n, N.Continue) for n in N.walk(node))


def _as_filter(node: N.FunctionDefinition) -> N.ScriptBlock:
    """A filter's body is its process block (about_Functions: Filters)."""
    body = node.body
    if node.is_filter and body.process is None and body.begin is None:
        return N.ScriptBlock(span=body.span, param_block=body.param_block, process=body.end, text=body.text)
    return body


def function_info(node: N.FunctionDefinition, ctx: ConvertContext) -> FunctionInfo:
    """A function's Python name, parameters, and whether it can `return` its one output: a body
    whose only output is its last statement (an expression, a pipeline or `return x`)."""
    body = _as_filter(node)
    declarations = node.parameters if node.parameters is not None else ()
    if body.param_block is not None:
        declarations = body.param_block.parameters
    # (name, Python name, named only): a switch binds no positional argument; positional
    # arguments bind in declaration order unless some parameter gives a Position: then those
    # with one, in its order, and no others (about_Functions_Advanced_Parameters).
    positions = {d.name: _position(d) for d in declarations}
    explicit = any(p is not None for p in positions.values())
    parameters = [
        (
            d.name,
            ctx.python_name(d.name),
            (d.type is not None and d.type.name.lower() == "switch") or (explicit and positions[d.name] is None),
        )
        for d in declarations
    ]
    if explicit:
        parameters.sort(key=lambda p: (positions[p[0]] is None, positions[p[0]] or 0))
    statements = body.end.statements if body.end is not None else ()
    single = bool(statements) and all(_writes_nothing(s) for s in statements[:-1])
    last = statements[-1] if statements else None
    if single and isinstance(last, N.Return):
        single = last.pipeline is not None
    elif single:
        single = isinstance(last, N.Pipeline) and not _writes_nothing(last)
    if single and any(isinstance(n, N.Return) for s in statements[:-1] for n in N.walk(s)):
        single = False
    blocks = [b for b in (body.begin, body.process, body.end) if b is not None]
    writes = any(_may_write(s) for b in blocks for s in b.statements)
    if body.begin is not None or body.process is not None:
        single = False
    info = FunctionInfo(snake_case(node.name), parameters, generator=not single, writes=writes, start=node.span.start)
    if body.process is not None:
        taken = {p[1] for p in parameters}
        info.input = "input_objects" if "input_objects" not in taken else "input_objects_"
    return info


def _may_write(node: Any) -> bool:
    """Whether a statement can write output (conservative: True when unsure)."""
    if isinstance(node, (N.Assignment, N.FunctionDefinition, N.Break, N.Continue, N.Throw)):
        return False
    if isinstance(node, N.Return):
        return node.pipeline is not None
    if isinstance(node, N.Pipeline):
        return not _writes_nothing(node)
    if isinstance(node, N.If):
        bodies = [body for _, body in node.clauses] + ([node.else_body] if node.else_body else [])
        return any(_may_write(s) for body in bodies for s in body.statements)
    if isinstance(node, (N.ForEach, N.While, N.DoLoop, N.For)):
        return any(_may_write(s) for s in node.body.statements)
    return True


def _writes_nothing(statement: Any) -> bool:
    """Statements that certainly write no output: assignments, Out-Null, Write-Host."""
    if isinstance(statement, N.Assignment):
        return True
    if isinstance(statement, N.Pipeline):
        last = statement.elements[-1]
        return isinstance(last, N.Command) and _command_name(last) in ("out-null", "write-host")
    return False
