"""PSResult: the success-stream output of a run, as a Python list that displays as PowerShell would."""

from __future__ import annotations


class PSResult(list):
    """A `list` of output objects.  `.errors` holds the non-terminating error records
    (`.message`, `.fully_qualified_error_id`); `str()` is PowerShell's Out-Default rendering."""

    def __init__(self, items=(), errors=(), warnings=(), verbose=(), information=(), exit_code=None):
        super().__init__(items)
        self.errors = list(errors)
        self.warnings = list(warnings)
        self.verbose = list(verbose)
        self.information = list(information)
        self.exit_code = exit_code

    @property
    def had_errors(self) -> bool:
        return bool(self.errors)

    def to_python(self):
        from pscompat.values.objects.model import to_python

        return [to_python(x) for x in self]

    def __str__(self) -> str:
        from pscompat.format.out_default import render

        return render(list(self))

    def __repr__(self) -> str:
        text = str(self)
        return text.rstrip("\n") if text.strip() else "PSResult([])"

    def _repr_pretty_(self, printer, cycle) -> None:  # IPython / xonsh pretty printer
        printer.text(repr(self) if not cycle else "PSResult(...)")
