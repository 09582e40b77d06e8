"""ConvertTo-SecureString and ConvertFrom-SecureString (Microsoft.PowerShell.Security), as pwsh
runs them on Linux (SecureStringCommands.cs, SecureStringHelper.cs): without -Key the "encrypted"
form is the hex of the text's UTF-16LE bytes, since there is no DPAPI off Windows.  -Key and
-SecureKey (AES) are not implemented: the binder rejects them as unknown parameters.
"""

from __future__ import annotations

from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.values.convert.strings import to_string
from pscompat.values.dotnet.secure import SecureString

_MODULE = "Microsoft.PowerShell.Security"


def _to_hex(text: str) -> str:
    return text.encode("utf-16-le", "surrogatepass").hex()


def _from_hex(text: str) -> str | None:
    """The text of a hex string made by _to_hex, or None when it is not one."""
    if len(text) % 2:
        return None
    try:
        return bytes.fromhex(text).decode("utf-16-le", "surrogatepass")
    except ValueError:
        return None


@cmdlet(
    "ConvertTo-SecureString",
    module=_MODULE,
    default_set="Secure",
    synopsis="Converts plain text or encrypted strings to secure strings.",
    examples=(
        ("$token = ConvertTo-SecureString 'abc' -AsPlainText -Force", "A secret from plain text."),
        ("$ss = $exported | ConvertTo-SecureString", "Back from ConvertFrom-SecureString's output."),
    ),
)
class ConvertToSecureString(Cmdlet):
    parameters = (
        Parameter("String", "string", position=0, mandatory=True, pipeline=True),
        Parameter("AsPlainText", "switch", position=1, sets=("PlainText",)),
        Parameter("Force", "switch", position=2, sets=("PlainText",)),
    )

    def process(self):
        text = to_string(self.String)
        if self.AsPlainText:
            secret = SecureString(text)
            secret.MakeReadOnly()
            return [secret]
        plain = _from_hex(text)
        if plain is None:
            # the message names no part of the input: it may be a secret typed in the wrong place
            self.throw_terminating(
                "Input string was not in a correct format.",
                "ImportSecureString",
                "InvalidArgument",
                exception_type="System.FormatException",
            )
        secret = SecureString(plain)
        secret.MakeReadOnly()
        return [secret]


@cmdlet(
    "ConvertFrom-SecureString",
    module=_MODULE,
    default_set="Secure",
    synopsis="Converts a secure string to an encrypted standard string, or with -AsPlainText to plain text.",
    examples=(("$token | ConvertFrom-SecureString -AsPlainText", "The secret's text."),),
)
class ConvertFromSecureString(Cmdlet):
    parameters = (
        Parameter("SecureString", "securestring", position=0, mandatory=True, pipeline=True),
        Parameter("AsPlainText", "switch", sets=("AsPlainText",)),
    )

    def process(self):
        secret = self.SecureString
        text = secret.plain_text()
        return [text if self.AsPlainText else _to_hex(text)]
