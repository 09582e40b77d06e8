"""Asking for a missing mandatory parameter, as pwsh's binder does when its host can prompt
(PS: CmdletParameterBinderController.PromptForMissingMandatoryParameters; texts from
ParameterBinderStrings.resx PromptCaption and PromptMessage):

    cmdlet Get-Item at command pipeline position 1
    Supply values for the following parameters:
    Path[0]:

A parameter that takes an array is asked element by element until an empty line; the answers
are bound as typed arguments are (converted and validated).  Ending the input instead of
answering gives the usual missing-mandatory-parameter error.  Only the binder calls this, and
only when the host can ask (a terminal on standard input, not -NonInteractive).
"""

from __future__ import annotations

from typing import Any

from pscompat.format.host_input import Field, prompt

CAPTION = "cmdlet {0} at command pipeline position {1}"  # ParameterBinderStrings.PromptCaption
MESSAGE = "Supply values for the following parameters:"  # ParameterBinderStrings.PromptMessage


def prompt_missing(host, command_name: str, params: list, position: int = 1) -> dict[str, Any] | None:
    """The answers by parameter name, or None when the input ended before them."""
    fields = [
        Field(
            p.name,
            array=p.type.endswith("[]"),
            secret=p.type.lower() in ("securestring", "system.security.securestring"),
        )
        for p in params
    ]
    answers = prompt(host, CAPTION.format(command_name, position), MESSAGE, fields)
    if answers is None:
        return None
    from pscompat.values.dotnet.secure import SecureString

    return {f.name: SecureString(answers[f.name]) if f.secret else answers[f.name] for f in fields}
