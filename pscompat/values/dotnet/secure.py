"""System.Security.SecureString, PSCredential and NetworkCredential: values that hold a secret and
never show it.

A SecureString prints as its type name, its text is read only through `plain_text()` (the
engine's ConvertFrom-SecureString -AsPlainText, NetworkCredential.Password, the web cmdlets'
Authorization header), and a failed cast to it never quotes the value (LanguagePrimitives
GetInvalidCastMessages: InvalidCastExceptionWithoutValue for SecureString and PSCredential).
Like .NET on Linux, nothing is encrypted in memory; what this buys is that a secret does not
leak into output, errors or logs by accident.
"""

from __future__ import annotations

from pscompat.errors import PSError

SECURE_STRING = "System.Security.SecureString"
PS_CREDENTIAL = "System.Management.Automation.PSCredential"


class SecureString:
    PS_TYPE_NAMES = (SECURE_STRING, "System.Object")
    PS_PROPERTIES = ("Length",)
    __slots__ = ("_text", "_read_only")

    def __init__(self, text: str = "") -> None:
        self._text = text
        self._read_only = False

    def plain_text(self) -> str:
        """The secret itself, for the few places that must send it somewhere."""
        return self._text

    @property
    def Length(self) -> int:
        return len(self._text)

    def _check_writable(self) -> None:
        if self._read_only:
            raise PSError(
                "Instance is read-only.", "InvalidOperationException", exception_type="System.InvalidOperationException"
            )

    def AppendChar(self, c) -> None:
        self._check_writable()
        self._text += str(c)[:1]

    def InsertAt(self, index, c) -> None:
        self._check_writable()
        i = int(index)
        if not 0 <= i <= len(self._text):
            raise PSError(
                "Index was out of range. Must be non-negative and less than or equal to the size of the collection.",
                "ArgumentOutOfRangeException",
                exception_type="System.ArgumentOutOfRangeException",
            )
        self._text = self._text[:i] + str(c)[:1] + self._text[i:]

    def RemoveAt(self, index) -> None:
        self._check_writable()
        i = int(index)
        if not 0 <= i < len(self._text):
            raise PSError(
                "Index was out of range. Must be non-negative and less than the size of the collection.",
                "ArgumentOutOfRangeException",
                exception_type="System.ArgumentOutOfRangeException",
            )
        self._text = self._text[:i] + self._text[i + 1 :]

    def Clear(self) -> None:
        self._check_writable()
        self._text = ""

    def MakeReadOnly(self) -> None:
        self._read_only = True

    def IsReadOnly(self) -> bool:
        return self._read_only

    def Copy(self) -> SecureString:
        return SecureString(self._text)

    def Dispose(self) -> None:
        self._text = ""

    def ToString(self) -> str:
        return SECURE_STRING

    def __str__(self) -> str:
        return SECURE_STRING

    def __repr__(self) -> str:
        return "SecureString(<hidden>)"

    def __eq__(self, other) -> bool:  # reference equality, as .NET's SecureString
        return self is other

    __hash__ = object.__hash__


class NetworkCredential:
    """What PSCredential.GetNetworkCredential() returns: the one place the password is plain."""

    PS_TYPE_NAMES = ("System.Net.NetworkCredential", "System.Object")
    PS_PROPERTIES = ("UserName", "Password", "SecurePassword", "Domain")

    def __init__(self, user_name: str, password: SecureString, domain: str = "") -> None:
        self.UserName = user_name
        self.SecurePassword = password
        self.Domain = domain

    @property
    def Password(self) -> str:
        return self.SecurePassword.plain_text()

    def __repr__(self) -> str:
        return f"NetworkCredential({self.UserName!r}, <hidden>)"


class PSCredential:
    PS_TYPE_NAMES = (PS_CREDENTIAL, "System.Object")
    PS_PROPERTIES = ("UserName", "Password")

    def __init__(self, user_name: str, password: SecureString) -> None:
        self.UserName = user_name
        self.Password = password

    def GetNetworkCredential(self) -> NetworkCredential:
        domain, sep, user = self.UserName.partition("\\")  # DOMAIN\user
        return NetworkCredential(user, self.Password, domain) if sep else NetworkCredential(domain, self.Password)

    def __repr__(self) -> str:
        return f"PSCredential({self.UserName!r}, <hidden>)"


def new_credential(full: str, user_name=None, password=None) -> PSCredential:
    """[pscredential]::new('user', $secure): the password must already be a SecureString."""
    if user_name is None or password is None:
        raise PSError(
            'Cannot find an overload for "PSCredential" and the argument count: "'
            + str((user_name is not None) + (password is not None))
            + '".',
            "MethodCountCouldNotFindBest",
            category="InvalidOperation",
        )
    if not isinstance(password, SecureString):
        from pscompat.values.objects.model import type_names  # the object model imports the types

        type_name = type_names(password)[0]
        # pwsh quotes the argument here (`with value: "..."`); a password is never quoted back
        raise PSError(
            f'Cannot convert argument "password" for "PSCredential" to type "{SECURE_STRING}": "Cannot convert '
            f'the value of type "{type_name}" to type "{SECURE_STRING}"."',
            "MethodArgumentConversionInvalidCastArgument",
            category="InvalidOperation",
        )
    return PSCredential(str(user_name), password)


def cast_without_value(value_type: str, full: str) -> PSError:
    """The cast error for a secret's types: it names the types only, never the value."""
    return PSError(
        f'Cannot convert the value of type "{value_type}" to type "{full}".',
        "ConvertToFinalInvalidCastException",
        category="InvalidArgument",
    )
