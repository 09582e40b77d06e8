"""The xonsh extension lays PowerShell's tables out for the terminal's width, as the `pscompat`
prompt does (pwsh's console host: the window's width; 120 columns only when output is not a
terminal, BaseOutputtingCommand.cs).  The terminal here is 160 columns wide (test_xonsh_e2e.Tmux)."""

from test_xonsh_e2e import needs_tmux, tmux  # noqa: F401  (the fixture)

from pscompat.format.out_default import render
from pscompat.values.objects.classes import PSObject

ROW = "[pscustomobject]@{ A = 'a' * 70; B = 'b' * 70 }"


def test_a_row_wider_than_120_columns_is_cut_at_120():
    row = PSObject()
    row["A"], row["B"] = "a" * 70, "b" * 70
    assert "b" * 70 not in render([row], width=120)  # the premise: 120 columns cut it
    assert "b" * 70 in render([row], width=160)


@needs_tmux
def test_tables_use_the_terminals_width(tmux):  # noqa: F811
    screen = tmux.enter(ROW)
    assert "a" * 70 in screen and "b" * 70 in screen
