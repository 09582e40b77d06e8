"""The package's shape, checked from its source: the layer order of pyproject.toml's import-linter
contract, read again here with every import the code can make (module-level, inside functions,
and `importlib.import_module`/`__import__` with a literal name, which import-linter cannot see),
and the rules of ARCHITECTURE.md that a linter does not know."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "pscompat"


def _layers() -> list[list[str]]:
    """The contract's layers, highest first; `a | b` are independent siblings of one layer."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"layers = \[(.*?)\]", text, re.S)
    assert block, "pyproject.toml has no import-linter layers"
    names = re.findall(r'"([^"]+)"', block.group(1))
    return [[part.strip() for part in name.split("|")] for name in names]


LAYERS = _layers()
RANK = {name: len(LAYERS) - i for i, layer in enumerate(LAYERS) for name in layer}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, imported module) for every import in the file, wherever it stands."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    found = []
    # `if TYPE_CHECKING:` imports serve annotations only and never run (the contract skips them too)
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for inner in ast.walk(node)
    }
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and (
                (isinstance(node.func, ast.Name) and node.func.id == "__import__")
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
            )
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def _stage(module: str) -> str | None:
    """The layer a pscompat module belongs to: its first component below the package."""
    parts = module.split(".")
    if parts[0] != "pscompat" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in RANK else None


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_every_stage_and_top_level_module_is_in_the_contract():
    stages = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir() if not p.name.startswith("__")}
    stages = {s for s in stages if (PACKAGE / s).is_dir() or (PACKAGE / f"{s}.py").is_file()}
    stages.discard("py")  # py.typed
    assert stages - set(RANK) == set(), "a stage or top-level module is outside the layer contract"


def test_at_most_a_dozen_top_level_modules():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 12, top


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_go_down_the_layers_only(path):
    """Function-level and literal dynamic imports count: a lazy import is still a dependency."""
    here = _stage(_module_name(path))
    if here is None:
        return  # the package's own __init__ and __main__ sit above every layer
    upward = []
    for line, module in _imports(path):
        there = _stage(module)
        if there is not None and there != here and RANK[there] > RANK[here]:
            upward.append(f"line {line}: {module} ({there}) is above {here}")
        # siblings of one layer (`format | syntax`) are independent of each other
        if there is not None and there != here and RANK[there] == RANK[here]:
            upward.append(f"line {line}: {module} ({there}) is an independent sibling of {here}")
    assert upward == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_package_never_imports_xonsh(path):
    """pscompat is a library first: xonsh is glue in xontrib/ only."""
    assert [m for _, m in _imports(path) if m == "xonsh" or m.startswith("xonsh.")] == []


def test_the_xontrib_is_glue_over_the_shell_stage():
    """The xonsh extension reaches the package through the shell stage and the host only."""
    allowed = ("pscompat.shell.", "pscompat.format.host", "pscompat.session", "pscompat.result", "pscompat.catalog")
    used = [m for _, m in _imports(ROOT / "xontrib" / "pscompat.py") if m.startswith("pscompat.")]
    assert used and [m for m in used if not m.startswith(allowed)] == []


def test_public_names_are_not_shadowed_by_submodules():
    """`pscompat.classify(line)` must stay a function after the package has loaded everything:
    a submodule of the same name would replace it as an attribute of the package."""
    code = (
        "import pscompat; pscompat.run('Get-Command Get-Date | Out-Null'); "
        "import pscompat.shell.completion, pscompat.shell.cli; "
        "bad = [n for n in pscompat.__all__ if type(getattr(pscompat, n)).__name__ == 'module']; "
        "print(bad, pscompat.classify('Get-ChildItem'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[] complete"


# Groups of sub-packages (or modules) of one stage that import each other today, with why.
# A cycle found must lie inside one of them: a new one fails the test.
KNOWN_CYCLES = {
    # PowerShell's value model is one recursive unit, as LanguagePrimitives and PSObject are in
    # PowerShell itself: converting needs members, members convert, operators format numbers.
    "values": {"objects", "convert", "dotnet", "dotnet_format", "methods", "operators"},
    # the interpreter: script blocks hold pipelines, pipelines bind and run script blocks
    # (pycompile writes a block's Python and calls the compiler's closures where it cannot)
    "engine": {"binding", "compiler", "pipeline", "scriptblock", "pycompile"},
    # string tokens embed sub-expressions, which the lexer scans
    "syntax": {"lexer", "strings"},
    # the prompt runs lines as the command line does; the command line starts the prompt
    "shell": {"cli", "repl"},
}


def _component(module: str) -> tuple[str, str] | None:
    parts = module.split(".")
    if len(parts) < 3 or parts[0] != "pscompat":
        return None
    return parts[1], parts[2]


def test_no_new_import_cycle_inside_a_stage():
    """Between stages the layer contract forbids cycles; inside a stage, sub-packages and modules
    may form only the cycles named above (function-level imports count)."""
    edges: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for path in SOURCES:
        here = _component(_module_name(path))
        if here is None:
            continue
        for _, module in _imports(path):
            there = _component(module)
            if there and there[0] == here[0] and there != here:
                edges.setdefault(here, set()).add(there)
    # strongly connected components (Tarjan)
    index: dict = {}
    low: dict = {}
    stack: list = []
    cycles = []

    def visit(node, counter=[0]):  # noqa: B006  (a counter shared by the recursion)
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                cycles.append(group)

    for node in list(edges):
        if node not in index:
            visit(node)
    unexpected = [
        sorted(".".join(c) for c in group)
        for group in cycles
        if not {name for _, name in group} <= KNOWN_CYCLES.get(group[0][0], set())
    ]
    assert unexpected == []


def test_no_module_takes_another_modules_private_names():
    """A `_name` is its module's own business: another module that needs it asks for a public name."""
    taken = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pscompat"):
                taken += [
                    f"{path.relative_to(ROOT)}:{node.lineno} {node.module}.{alias.name}"
                    for alias in node.names
                    if alias.name.startswith("_") and not alias.name.startswith("__")
                ]
    assert taken == []
