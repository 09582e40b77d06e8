"""Out-GridView: there is no grid window on this host, so the objects are shown as a table after
a warning (pwsh on Linux has no Out-GridView at all; a pasted Windows snippet should still show its
data).  -PassThru passes the objects on as if all were selected."""

from __future__ import annotations

from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.format.out_default import render


@cmdlet(
    "Out-GridView",
    aliases=("ogv",),
    synopsis="Sends output to an interactive table in a separate window (here: a table on the console).",
    examples=(("Get-AzureVMImage | Out-GridView", "The images as a table."),),
)
class OutGridView(Cmdlet):
    parameters = (
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("Title", "string"),
        Parameter("PassThru", "switch", sets=("PassThru",)),
        Parameter("OutputMode", "string", validate_set=("None", "Single", "Multiple"), sets=("OutputMode",)),
        Parameter("Wait", "switch", sets=("Wait",)),
    )

    def begin(self):
        self._items: list = []
        self.write_warning("Out-GridView has no grid window on this host: the objects are shown as a table instead.")

    def process(self):
        if self.InputObject is not None:
            self._items.append(self.InputObject)

    def end(self):
        if self._items:
            if self.Title:
                self.write_host(str(self.Title))
            self.write_host(render(self._items).rstrip("\n"))
        if self.PassThru or str(self.OutputMode or "").lower() in ("single", "multiple"):
            return self._items[:1] if str(self.OutputMode or "").lower() == "single" else list(self._items)
        return None
