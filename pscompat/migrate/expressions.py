"""PowerShell expressions as Python expressions.

Plain Python where the kinds on both sides are known (string and number literals, typed
parameters, the Azure models' string properties); otherwise a call into `pscompat.rt`, which
applies PowerShell's rule (case-insensitive comparison, conversion of the right operand, $null
rules, member enumeration)."""

from __future__ import annotations

from typing import Any

from pscompat.migrate.context import Code, ConverterBase, Unsupported
from pscompat.syntax import nodes as N

COMPARISONS = {
    "-eq": "eq",
    "-ieq": "eq",
    "-ne": "ne",
    "-ine": "ne",
    "-gt": "gt",
    "-igt": "gt",
    "-ge": "ge",
    "-ige": "ge",
    "-lt": "lt",
    "-ilt": "lt",
    "-le": "le",
    "-ile": "le",
    "-like": "like",
    "-ilike": "like",
    "-notlike": "notlike",
    "-match": "match",
    "-imatch": "match",
    "-notmatch": "notmatch",
    "-contains": "contains",
    "-icontains": "contains",
    "-in": "in_",
    "-iin": "in_",
}
# Python's operator where both sides are numbers (PowerShell's widening aside, the same result).
NUMERIC = {"+": "+", "-": "-", "*": "*", "-eq": "==", "-ne": "!=", "-gt": ">", "-ge": ">=", "-lt": "<", "-le": "<="}
SCALAR_KINDS = ("str", "int", "float", "bool")
NUMBER_KINDS = ("int", "float")
# String methods with an exact Python counterpart when the target is known to be a str.
STRING_METHODS = {
    "toupper": ("upper", 0),
    "toupperinvariant": ("upper", 0),
    "tolower": ("lower", 0),
    "tolowerinvariant": ("lower", 0),
    "trim": ("strip", 0),
    "trimstart": ("lstrip", 0),
    "trimend": ("rstrip", 0),
    "startswith": ("startswith", 1),
    "endswith": ("endswith", 1),
}
# Properties of the Azure image models (OS and VM images both have them).
MODEL_PROPERTIES = {
    "image": {
        "ImageName",
        "Label",
        "Category",
        "Description",
        "ImageFamily",
        "PublishedDate",
        "Location",
        "OS",
        "RecommendedVMSize",
        "Eula",
        "IconUri",
        "SmallIconUri",
        "PrivacyUri",
        "IsPremium",
        "ShowInGui",
        "OperationDescription",
        "OperationId",
        "OperationStatus",
    }
}
AUTOMATIC = {"true": Code("True", "bool"), "false": Code("False", "bool"), "null": Code("None", "none")}


def py_string(value: str) -> str:
    """A Python string literal, double-quoted as ruff format writes them."""
    text = repr(value)
    if text.startswith("'") and '"' not in value:
        text = '"' + text[1:-1].replace("\\'", "'") + '"'
    return text


INT32 = 2**31


def _exact_in_python(op: str, node: N.Binary) -> bool:
    """Whether Python's operator gives PowerShell's result: comparisons always; + and - of ints
    unless a literal is beyond Int32 (PowerShell widens past Int64 to Double); `*` of ints
    overflows Int32 into Double in PowerShell, so only with a float."""
    literals = [n.value for n in (node.left, node.right) if isinstance(n, N.Constant)]
    if op.startswith("-"):
        return True
    if any(type(v) is int and abs(v) >= INT32 for v in literals):
        return False
    if op == "*":
        return any(type(v) is float for v in literals)
    return True


class ExpressionConverter(ConverterBase):
    # ------------------------------------------------------------------ entry

    def expr(self, node: Any) -> Code:
        method = getattr(self, "expr_" + type(node).__name__, None)
        if method is None:
            raise Unsupported(node, f"{type(node).__name__} expressions are not converted yet")
        return method(node)

    def condition(self, code: Code) -> str:
        """`code` as a Python condition with PowerShell's truth."""
        if code.kind in SCALAR_KINDS:  # a string, number or bool: Python's truth is PowerShell's
            return code.text
        return f"rt.truthy({code.text})"

    # ------------------------------------------------------------------ constants and strings

    def expr_Constant(self, node: N.Constant) -> Code:
        value = node.value
        if isinstance(value, bool):
            return Code(repr(value), "bool")
        if type(value) is int:
            return Code(repr(value), "int")
        if type(value) is float:
            return Code(repr(value), "float")
        raise Unsupported(node, f"a {type(value).__name__} literal is not converted yet")

    def expr_StringConstant(self, node: N.StringConstant) -> Code:
        return Code(py_string(node.value), "str")

    def expr_ExpandableString(self, node: N.ExpandableString) -> Code:
        pieces: list[tuple[bool, str]] = []
        for part in node.parts:
            if isinstance(part, str):
                pieces.append((False, part))
            else:
                code = self.expr(part)
                pieces.append((True, code.text if code.kind == "str" else f"rt.text({code.text})"))
        if not any(is_code for is_code, _ in pieces):
            return Code(py_string("".join(text for _, text in pieces)), "str")
        if any('"' in text or "\\" in text for is_code, text in pieces if is_code):
            # An f-string cannot hold these in its expressions before Python 3.12: concatenate.
            return Code(" + ".join(text if is_code else py_string(text) for is_code, text in pieces), "str")
        body = "".join(
            "{" + text + "}" if is_code else py_string(text)[1:-1].replace("{", "{{").replace("}", "}}")
            for is_code, text in pieces
        )
        return Code(f'f"{body}"', "str")

    # ------------------------------------------------------------------ variables

    def expr_Variable(self, node: N.Variable) -> Code:
        if node.splatted:
            raise Unsupported(node, "splatting is not converted yet")
        name = node.name
        folded = name.lower()
        if folded in AUTOMATIC:
            return AUTOMATIC[folded]
        if folded in ("_", "psitem"):
            if self.ctx.item is None:
                raise Unsupported(node, "$_ outside a script block the converter understands")
            return self.ctx.item
        if folded.startswith("env:"):
            self.ctx.use("os")
            return Code(f"os.environ.get({py_string(name[4:])})", None)
        if folded == "matches":
            return Code("rt.matches()", None)
        if folded.startswith(("local:", "private:")):
            raise Unsupported(node, f"${name} (a scope modifier on a read) is not converted yet")
        for prefix in ("script:", "global:"):
            if folded.startswith(prefix):
                name = name[len(prefix) :]
                folded = folded[len(prefix) :]
        if ":" in folded or folded in AUTOMATIC_UNSUPPORTED or folded.endswith("preference"):
            raise Unsupported(node, f"${name} is not converted yet")
        py = self.ctx.python_name(name)
        if py not in self.ctx.assigned:
            return Code("None", "none")  # never assigned: PowerShell reads $null
        known = self.ctx.kinds.get(py)
        return Code(py, known.kind if known else None, known.model if known else None)

    # ------------------------------------------------------------------ collections

    def expr_ArrayLiteral(self, node: N.ArrayLiteral) -> Code:
        return Code("[" + ", ".join(self.expr(e).text for e in node.elements) + "]", "array")

    def expr_ArrayExpression(self, node: N.ArrayExpression) -> Code:
        statements = node.body.statements
        if not statements:
            return Code("[]", "array")
        if len(statements) != 1 or not isinstance(statements[0], N.Pipeline):
            raise Unsupported(node, "@() around several statements is not converted yet")
        code = self.pipeline_value(statements[0])
        if code.is_stream:
            return Code(f"list({code.text})", "array", code.model)
        return Code(f"rt.emit({code.text})", "array")

    def expr_SubExpression(self, node: N.SubExpression) -> Code:
        statements = node.body.statements
        if len(statements) != 1 or not isinstance(statements[0], N.Pipeline):
            raise Unsupported(node, "$() around several statements is not converted yet")
        return self.collected(self.pipeline_value(statements[0]))

    def expr_Paren(self, node: N.Paren) -> Code:
        if not isinstance(node.pipeline, N.Pipeline):
            raise Unsupported(node, "an assignment in parentheses is not converted yet")
        code = self.collected(self.pipeline_value(node.pipeline))
        elements = node.pipeline.elements
        if len(elements) == 1 and isinstance(elements[0], N.CommandExpression):
            if isinstance(elements[0].expression, (N.Binary, N.Unary, N.Ternary)):
                return Code(f"({code.text})", code.kind, code.model)
        return code

    def collected(self, code: Code) -> Code:
        """What a pipeline's output is as a value: one object, or a list of several."""
        if code.first is not None:  # ... | Select-Object -First 1: the first object or None
            return Code(f"next({code.first}, None)", None, code.model)  # (None when there is none)
        if code.is_stream:
            return Code(f"rt.value({code.text})", None, code.model)  # none, one or several objects
        return code

    def expr_Hashtable(self, node: N.Hashtable) -> Code:
        pairs = [f"({self.expr(k).text}, {self.statement_value(v).text})" for k, v in node.pairs]
        return Code("rt.hashtable(" + ", ".join(pairs) + ")", None)

    # ------------------------------------------------------------------ operators

    def expr_Unary(self, node: N.Unary) -> Code:
        operand = self.expr(node.operand)
        if node.op in ("-not", "!"):
            return Code(f"not {self.condition(operand)}", "bool")
        if node.op == "-" and operand.kind in NUMBER_KINDS:
            return Code(f"-{operand.text}", operand.kind)
        raise Unsupported(node, f"the unary operator {node.op} is not converted yet")

    def expr_Binary(self, node: N.Binary) -> Code:
        op = node.op.lower()
        if op in ("-and", "-or"):
            first = self.condition(self.expr(node.left))
            second = self.condition(self.expr(node.right))
            return Code(f"{first} {op[1:]} {second}", "bool")
        left = self.expr(node.left)
        right = self.expr(node.right)
        if op == "??":
            if not left.text.isidentifier():
                raise Unsupported(node, "?? after an expression that is not a variable is not converted yet")
            return Code(f"{left.text} if {left.text} is not None else {right.text}", None)
        if op in ("-eq", "-ne") and "none" in (left.kind, right.kind):
            # `$null -eq $x` / `$x -ne $null`: a null test when the other side is one value
            other = right if left.kind == "none" else left
            if left.kind == "none" or other.kind in SCALAR_KINDS + ("object",):
                return Code(f"{other.text} is {'' if op == '-eq' else 'not '}None", "bool")
        if op in NUMERIC and left.kind in NUMBER_KINDS and right.kind in NUMBER_KINDS and _exact_in_python(op, node):
            kind = "bool" if op.startswith("-") else ("float" if "float" in (left.kind, right.kind) else "int")
            return Code(f"{left.text} {NUMERIC[op]} {right.text}", kind)
        if op == "+" and left.kind == "str" and right.kind == "str":
            return Code(f"{left.text} + {right.text}", "str")
        if op in COMPARISONS:
            scalar = left.kind in SCALAR_KINDS or (left.kind == "object")
            return Code(f"rt.{COMPARISONS[op]}({left.text}, {right.text})", "bool" if scalar else None)
        if op == ".." and node.left.__class__ is N.Constant and node.right.__class__ is N.Constant:
            low, high = node.left.value, node.right.value
            if type(low) is int and type(high) is int and low <= high:
                return Code(f"list(range({low}, {high + 1}))", "array")
        return Code(f"rt.op({py_string(node.op)}, {left.text}, {right.text})", None)

    def expr_Ternary(self, node: N.Ternary) -> Code:
        cond = self.condition(self.expr(node.condition))
        yes, no = self.expr(node.if_true), self.expr(node.if_false)
        return Code(f"{yes.text} if {cond} else {no.text}", yes.kind if yes.kind == no.kind else None)

    # ------------------------------------------------------------------ members

    def _member_name(self, node: Any) -> str:
        if not isinstance(node, N.StringConstant):
            raise Unsupported(node, "a computed member name is not converted yet")
        return node.value

    def expr_TypeExpression(self, node: N.TypeExpression) -> Code:
        return Code(f"rt.type_({py_string(node.type.name)})", "object")

    def expr_Member(self, node: N.Member) -> Code:
        if node.static and isinstance(node.target, N.TypeExpression):
            name = self._member_name(node.member)
            return Code(f"rt.static_member({py_string(node.target.type.name)}, {py_string(name)})", None)
        if node.static or node.null_conditional:
            raise Unsupported(node, "static and ?. member access are not converted yet")
        target = self.expr(node.target)
        name = self._member_name(node.member)
        if name.lower() in ("invocationinfo", "scriptstacktrace"):
            raise Unsupported(node, f".{name} tells where in the PowerShell script an error happened")
        if (target.kind, name.lower()) in (("str", "length"), ("array", "count"), ("array", "length")):
            return Code(f"len({target.text})", "int")  # a string's Length, an array's Count
        if target.kind == "bool" and name.lower() == "ispresent":  # a [switch] parameter is a bool here
            return target
        if target.kind == "object" and name in MODEL_PROPERTIES.get(target.model or "", ()):
            return Code(f"{target.text}.{name}", "object")  # one value (a string, a date or None)
        return Code(f"rt.member({target.text}, {py_string(name)})", None)

    def expr_InvokeMember(self, node: N.InvokeMember) -> Code:
        if node.static and isinstance(node.target, N.TypeExpression):
            name = self._member_name(node.member)
            passed = "".join(", " + self.expr(a).text for a in node.arguments)
            return Code(f"rt.static({py_string(node.target.type.name)}, {py_string(name)}{passed})", None)
        if node.static or node.null_conditional:
            raise Unsupported(node, "static and ?. method calls are not converted yet")
        target = self.expr(node.target)
        name = self._member_name(node.member)
        args = [self.expr(a) for a in node.arguments]
        mapped = STRING_METHODS.get(name.lower())
        if target.kind == "str" and mapped is not None and len(args) == mapped[1]:
            if all(a.kind == "str" for a in args):
                kind = "bool" if mapped[0].endswith("with") else "str"
                return Code(f"{target.text}.{mapped[0]}({', '.join(a.text for a in args)})", kind)
        joined = "".join(", " + a.text for a in args)
        return Code(f"rt.call({target.text}, {py_string(name)}{joined})", None)

    def expr_Index(self, node: N.Index) -> Code:
        if node.null_conditional:
            raise Unsupported(node, "?[] is not converted yet")
        return Code(f"rt.index({self.expr(node.target).text}, {self.expr(node.index).text})", None)

    def expr_Convert(self, node: N.Convert) -> Code:
        type_name = node.type.name.lower()
        if type_name in ("ref", "system.management.automation.psreference"):
            # [ref]$x refers to the variable itself (an out argument); Python has no such value
            raise Unsupported(node, "[ref] (a reference to the variable itself) is not converted")
        operand = self.expr(node.operand)
        if type_name in ("string", "system.string"):
            return operand if operand.kind == "str" else Code(f"rt.text({operand.text})", "str")
        if type_name in ("pscustomobject", "psobject") and isinstance(node.operand, N.Hashtable):
            return Code(operand.text.replace("rt.hashtable(", "rt.custom_object(", 1), None)
        if type_name == "ordered" and isinstance(node.operand, N.Hashtable):
            return Code(operand.text[:-1] + ", ordered=True)", None)
        kind = {"int": "int", "double": "float", "bool": "bool"}.get(type_name)
        return Code(f"rt.convert({operand.text}, {py_string(node.type.name)})", kind)


AUTOMATIC_UNSUPPORTED = {
    "args",
    "input",
    "error",
    "?",
    "lastexitcode",
    "host",
    "pscmdlet",
    "myinvocation",
    "psscriptroot",
    "pscommandpath",
    "psboundparameters",
    "executioncontext",
    "this",
    "foreach",
    "switch",
    "erroractionpreference",
    "confirmpreference",
    "verbosepreference",
    "warningpreference",
    "ofs",
    "pwd",
    "home",
    "pid",
    "psversiontable",
    "formatenumerationlimit",
    "nestedpromptlevel",
    "psitem",
    "psdefaultparametervalues",
}
