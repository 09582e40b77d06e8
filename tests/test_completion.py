"""Completion as a table over a fake registry (see test_classify.FAKE_COMMANDS), plus the same
questions asked through xonsh's own completer machinery once the xontrib is loaded."""

import pytest
from test_classify import make_registry

from pscompat.engine import commands as base
from pscompat.shell.completion import Completion, complete


@pytest.fixture
def fake_registry(monkeypatch):
    reg = make_registry()
    monkeypatch.setattr(base, "REGISTRY", reg)
    return reg


CASES = [
    # command names
    ("Get-Az", ["Get-AzureVMImage"]),
    ("get-az", ["Get-AzureVMImage"]),
    ("Sa", ["Save-AzureVMImage"]),
    ("*-Azure*", ["Get-AzureVMImage", "Save-AzureVMImage"]),
    ("Get-AzureVMImage | Sel", ["select", "Select-Object"]),
    ("Get-AzureVMImage | Where-Object { Get-", ["Get-AzureVMImage", "Get-Member"]),
    ("Nope-", []),
    # parameter names, by prefix of the name or of an alias
    ("Get-AzureVMImage -Im", ["-ImageName"]),
    ("Get-AzureVMImage \u2013Im", ["-ImageName"]),  # the seed document's en dash
    ("Get-AzureVMImage | Select-Object -Pr", ["-Property", "-ProgressAction"]),
    ("Get-AzureVMImage | select -Prop", ["-Property"]),
    ("Save-AzureVMImage -NewImageL", ["-ImageLabel"]),
    ("Save-AzureVMImage -OS", ["-OSState"]),
    ("Save-AzureVMImage -ServiceName s -Name n -Image", ["-ImageName", "-ImageLabel"]),
    ("Save-AzureVMImage -ServiceName s -NewImageName n -Image", ["-ImageLabel"]),
    ("Get-AzureVMImage -Err", ["-ErrorAction", "-ErrorVariable"]),
    ("Get-AzureVMImage -Zzz", []),
    # values: ValidateSet, the parameter's completer, positional, quoting
    ("Save-AzureVMImage -OSState ", ["Generalized", "Specialized"]),
    ("Save-AzureVMImage -OSState g", ["Generalized"]),
    ("Save-AzureVMImage \u2013OSState S", ["Specialized"]),
    ("Get-AzureVMImage -ImageName Win", ["Win2012-R2-Datacenter", "Win2016-Datacenter"]),
    ("Get-AzureVMImage -Im Win2016", ["Win2016-Datacenter"]),  # abbreviated parameter name
    ("Get-AzureVMImage Win2012", ["Win2012-R2-Datacenter"]),  # position 0 is -ImageName
    ("Get-AzureVMImage -ImageName Ub", ["'Ubuntu 14.04 LTS'"]),
    ("Get-AzureVMImage -ImageName 'Ub", ["'Ubuntu 14.04 LTS'"]),
    ('Get-AzureVMImage -ImageName "Ub', ['"Ubuntu 14.04 LTS"']),
    ("Get-AzureVMImage -ErrorAction St", ["Stop"]),
    ("Get-AzureVMImage -ImageName x ", []),  # nothing left to bind positionally
    ("Save-AzureVMImage -Verbose -OSState G", ["Generalized"]),
    # operators in expression mode
    ("Get-AzureVMImage | Where-Object {$_.ImageFamily -e", ["-eq"]),
    ("Where-Object {$_.Label -notl", ["-notlike"]),
    # inside keyword statements
    ("if ($x) { Get-AzureVMImage -Im", ["-ImageName"]),
    ("foreach ($i in 1..2) { $i | Select-Object -Pr", ["-Property", "-ProgressAction"]),
    ("$x = if ($a) { Save-AzureVMImage -OSState S", ["Specialized"]),
    ("try { Get-Az", ["Get-AzureVMImage"]),
    # after the `ps!` prefix that forces PowerShell
    ("ps! Get-Az", ["Get-AzureVMImage"]),
    ("ps! Get-AzureVMImage -Im", ["-ImageName"]),
    ("ps! sel", ["select", "Select-Object"]),
    # not ours
    ("ls -l", []),
    ("$x", []),
]


@pytest.mark.parametrize("line, expected", CASES, ids=[c[0] for c in CASES])
def test_complete(fake_registry, line, expected):
    assert [c.text for c in complete(line)] == expected


def test_completion_carries_prefix_kind_and_description(fake_registry):
    [c] = complete("Get-AzureVMImage -Im")
    assert c == Completion("-ImageName", "[string] Name of the image.", "parameter", "-Im")
    [c] = complete("Save-AzureVMImage -OSState Gen")
    assert (c.kind, c.prefix) == ("value", "Gen")
    [c] = complete("Where-")
    assert (c.text, c.kind, c.description) == ("Where-Object", "cmdlet", "Selects objects from a collection.")
    assert [c.kind for c in complete("gm")] == ["alias"]


def test_cursor_in_the_middle(fake_registry):
    line = "Get-AzureVMImage -Im | Select-Object -Property Label"
    assert [c.text for c in complete(line, cursor=len("Get-AzureVMImage -Im"))] == ["-ImageName"]


def test_parameter_list_puts_common_parameters_last(fake_registry):
    names = [c.text for c in complete("Save-AzureVMImage -")]
    assert names[:5] == ["-ServiceName", "-Name", "-ImageName", "-ImageLabel", "-OSState"]
    assert "-ErrorAction" in names[5:] and "-WhatIf" not in names  # no ShouldProcess declared


def test_value_completer_gets_session_ctx_and_typed_text(fake_registry):
    seen = []
    info = base.REGISTRY.get("Get-AzureVMImage")
    param = info.parameters[0]

    def spy(ctx, prefix):
        seen.append((ctx, prefix))
        raise RuntimeError("backend down")

    from dataclasses import replace

    base.REGISTRY.register(replace(info, parameters=(replace(param, completer=spy),)))
    session = type("S", (), {"ctx": object()})()
    assert complete("Get-AzureVMImage -ImageName 'Wi", session=session) == []  # errors never escape
    assert seen == [(session.ctx, "Wi")]


# --------------------------------------------------------------------------- quoting runs nothing

# A name that closes the string with each quote PowerShell knows (CharTraits.cs SpecialChars:
# ‘ ’ ‚ ‛ “ ” „ besides ' and ") and then runs code, a `$(...)`, and other specials.
_RUN = "Set-Variable -Name ran -Value 1 -Scope Global"
HOSTILE_NAMES = (
    [f"img{q}; {_RUN}; {q}" for q in "'\u2018\u2019\u201a\u201b"]
    + [f"img{q}; {_RUN}; {q}" for q in '"\u201c\u201d\u201e']
    + [
        f"img$({_RUN})",
        f"img`$({_RUN})",
        f"img{{{_RUN}}}",
        f"img @({_RUN})",
        "img`n`r`t",
        "-Recurse",
        "\u2013Force",
        "two words",
        "nbsp\u00a0name",
        "semi;colon",
    ]
)
OPENINGS = ["", "'", '"', "\u2018", "\u201c", "\u201e"]


def _complete_with_names(monkeypatch, names, line):
    from dataclasses import replace

    reg = make_registry()
    info = reg.get("Get-AzureVMImage")
    param = replace(info.parameters[0], completer=lambda ctx, prefix: list(names))
    reg.register(replace(info, parameters=(param,)))
    with monkeypatch.context() as m:
        m.setattr(base, "REGISTRY", reg)
        return complete(line)


@pytest.mark.parametrize("opening", OPENINGS, ids=lambda o: f"opening {o!r}")
def test_completed_value_runs_as_the_literal_name_and_nothing_else(monkeypatch, opening):
    """Complete each hostile name, run the completed line in a real session: the name arrives
    whole and literal, and the code in it never ran."""
    import pscompat

    failures = []
    for name in HOSTILE_NAMES:
        [c] = _complete_with_names(monkeypatch, [name], f"Get-AzureVMImage -ImageName {opening}")
        session = pscompat.Session()
        result = session.run(f"Write-Output {c.text}")
        ran = session.run("$global:ran")
        if list(result) != [name] or list(ran) not in ([], [None]):
            failures.append((name, c.text, list(result), list(ran)))
    assert failures == []


def test_plain_names_stay_unquoted(monkeypatch):
    items = _complete_with_names(monkeypatch, ["Win2016-Datacenter", "a.b_c"], "Get-AzureVMImage -ImageName ")
    assert [c.text for c in items] == ["Win2016-Datacenter", "a.b_c"]
