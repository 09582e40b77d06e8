"""Commands that ask the person at the console: Read-Host and Get-Credential, through $Host.UI
(pscompat.format.host_object), as pwsh's do (PS: ReadConsoleCmdlet.cs, CredentialCommands.cs).

Read-Host with -Prompt asks through Host.UI.Prompt (`Prompt: `, the prompt's elements joined by
spaces), without it through ReadLine; -AsSecureString gives a SecureString, -MaskInput a string
read without echo.  Get-Credential asks `User: ` (unless -UserName) and the password
(ConsoleHostUserInterfaceSecurity.cs) under the title and message it is given.  Where nobody can
answer (no terminal on standard input, -NonInteractive, the Python API) both stop with pwsh's
NonInteractive error instead of waiting.
"""

from __future__ import annotations

from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.format.host_input import Field, prompt, prompt_for_credential, read_line
from pscompat.format.host_object import NON_INTERACTIVE
from pscompat.values.convert.strings import to_string
from pscompat.values.dotnet.secure import PSCredential, SecureString

DEFAULT_TITLE = "PowerShell credential request"  # UtilsStrings.PromptForCredential_DefaultCaption
DEFAULT_MESSAGE = "Enter your credentials."  # UtilsStrings.PromptForCredential_DefaultMessage


def _require_prompt(cmd: Cmdlet) -> None:
    if not getattr(cmd.ctx.host, "can_prompt", False):
        cmd.throw_terminating(
            NON_INTERACTIVE, "System.Management.Automation.PSInvalidOperationException", "InvalidOperation"
        )


def _canceled(cmd: Cmdlet) -> None:
    """The input ended before an answer (PS: the console host's PromptingException)."""
    cmd.throw_terminating(
        "The prompt was canceled.",
        "System.Management.Automation.Host.PromptingException",
        "OperationStopped",
    )


@cmdlet(
    "Read-Host",
    synopsis="Reads a line of input from the console.",
    description="Prompts the user and returns the line typed (a SecureString with -AsSecureString). "
    "Fails with PowerShell's NonInteractive error where nobody can answer (no terminal, "
    "-NonInteractive, the Python API).",
    examples=(
        ("$name = Read-Host 'Your name'", "Asks for a name."),
        ("$pwd = Read-Host 'Password' -AsSecureString", "Asks for a secret; it is not echoed."),
    ),
)
class ReadHost(Cmdlet):
    """Reads a line of input from the console."""

    parameters = (
        Parameter("Prompt", "object", position=0, remaining=True),
        Parameter("AsSecureString", "switch", sets=("AsSecureString",)),
        Parameter("MaskInput", "switch", sets=("AsString",)),
    )

    def begin(self):
        _require_prompt(self)
        host = self.ctx.host
        secret = bool(self.AsSecureString or self.MaskInput)
        if self.bound.get("Prompt") is not None:
            answers = prompt(host, "", "", [Field(self._prompt_text(), secret=secret)])
            text = None if answers is None else next(iter(answers.values()))
        else:
            text = read_line(host, secret=secret)
        if text is None:
            _canceled(self)
        return (SecureString(text) if self.AsSecureString else text,)

    def _prompt_text(self) -> str:
        """The prompt's elements as strings, the empty ones dropped, joined by spaces."""
        value = self.bound["Prompt"]
        items = value if isinstance(value, (list, tuple)) else [value]
        parts = []
        for item in items:
            if isinstance(item, (list, tuple)):
                item = " ".join(to_string(x) for x in item)
            text = to_string(item)
            if text:
                parts.append(text)
        return " ".join(parts)


@cmdlet(
    "Get-Credential",
    module="Microsoft.PowerShell.Security",
    default_set="MessageSet",
    synopsis="Gets a credential object based on a user name and password.",
    description="Asks for a user name (unless -UserName is given) and a password, which is read "
    "without echo, and returns a PSCredential.",
    examples=(("$cred = Get-Credential -UserName admin", "Asks for admin's password."),),
)
class GetCredential(Cmdlet):
    """Gets a credential object based on a user name and password."""

    parameters = (
        Parameter("Credential", "object", position=0, sets=("CredentialSet",)),
        Parameter("UserName", "string", position=0, sets=("MessageSet",)),
        Parameter("Message", "string", sets=("MessageSet",)),
        Parameter("Title", "string", sets=("MessageSet",)),
    )

    def begin(self):
        given = self.Credential
        if isinstance(given, PSCredential):
            return (given,)
        user = to_string(given) if given is not None else to_string(self.UserName or "")
        title = DEFAULT_TITLE if self.Title is None else to_string(self.Title)
        message = DEFAULT_MESSAGE if self.Message is None else to_string(self.Message)
        _require_prompt(self)
        got = prompt_for_credential(self.ctx.host, title, message, user)
        if got is None:
            return ()
        return (PSCredential(got[0], SecureString(got[1])),)


@cmdlet(
    "Get-Host",
    module="Microsoft.PowerShell.Utility",
    synopsis="Gets an object that represents the current host program.",
    examples=(("(Get-Host).Version", "The host's version."),),
)
class GetHost(Cmdlet):
    """Gets an object that represents the current host program: $Host (Get-Host.Tests.ps1)."""

    parameters = ()

    def begin(self):
        from pscompat.format.host_object import host_object

        return (host_object(self.ctx),)
