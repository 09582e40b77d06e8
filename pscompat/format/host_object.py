"""$Host: the PSHost object a script sees, over the session's host (pscompat.format.host).

    $Host.Name / .Version / .InstanceId / .CurrentCulture / .CurrentUICulture
    $Host.UI.Write(...) / WriteLine(...) / WriteErrorLine / WriteWarningLine / WriteVerboseLine /
        WriteDebugLine / ReadLine() / ReadLineAsSecureString() / PromptForChoice(caption, message,
        choices, default) / PromptForCredential(caption, message, user, target) /
        Prompt(caption, message, descriptions)
    $Host.UI.RawUI.ForegroundColor / BackgroundColor / WindowSize / BufferSize / MaxWindowSize /
        WindowTitle / CursorSize

Names as pwsh reports them (PS: ConsoleHost.cs: Name "ConsoleHost"; the SDK's DefaultHost,
which the Python API stands for, is "Default Host").  On Linux pwsh reports the console's
colours as -1 (unknown) until a script sets them.  Reading or prompting where nobody can answer
fails with pwsh's NonInteractive text (ConsoleHostUserInterface.HandleThrowOnReadAndPrompt).
"""

from __future__ import annotations

import uuid
from typing import Any

from pscompat.format.host import PromptCanceled
from pscompat.format.host_input import Field, prompt, prompt_for_credential, read_line
from pscompat.values.methods.invoke import DotNetError

NON_INTERACTIVE = "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."


def require_prompt(host) -> None:
    """Raise the NonInteractive error unless someone can answer on this host; a method call
    shows it as 'Exception calling "ReadLine" with "0" argument(s): ...', as pwsh does."""
    if not getattr(host, "can_prompt", False):
        raise DotNetError(NON_INTERACTIVE, "System.Management.Automation.PSInvalidOperationException")


class Size:
    PS_TYPE_NAMES = ("System.Management.Automation.Host.Size", "System.ValueType", "System.Object")
    PS_PROPERTIES = ("Width", "Height")

    def __init__(self, width: int, height: int):
        self.Width, self.Height = width, height

    def ToString(self) -> str:
        return f"{self.Width},{self.Height}"

    __str__ = ToString


class RawUI:
    PS_TYPE_NAMES = (
        "System.Management.Automation.Internal.Host.InternalHostRawUserInterface",
        "System.Management.Automation.Host.PSHostRawUserInterface",
        "System.Object",
    )
    PS_PROPERTIES = (
        "ForegroundColor",
        "BackgroundColor",
        "CursorSize",
        "BufferSize",
        "WindowSize",
        "MaxWindowSize",
        "MaxPhysicalWindowSize",
        "WindowTitle",
    )

    def __init__(self, host):
        self._host = host
        self._fg: Any = -1  # unknown, as .NET reports a Unix terminal's colours
        self._bg: Any = -1
        self.CursorSize = 25
        self.WindowTitle = ""

    def _console_color(self, value):
        from pscompat.values.dotnet.enums import to_enum

        return to_enum(value, "System.ConsoleColor")

    @property
    def ForegroundColor(self):
        return self._console_color(self._fg)

    @ForegroundColor.setter
    def ForegroundColor(self, value) -> None:
        self._fg = self._console_color(value)

    @property
    def BackgroundColor(self):
        return self._console_color(self._bg)

    @BackgroundColor.setter
    def BackgroundColor(self, value) -> None:
        self._bg = self._console_color(value)

    def _lines(self) -> int:
        import shutil

        return shutil.get_terminal_size((self._host.width, 24)).lines

    @property
    def WindowSize(self) -> Size:
        return Size(self._host.width, self._lines())

    @property
    def BufferSize(self) -> Size:
        return Size(self._host.width, self._lines())

    @property
    def MaxWindowSize(self) -> Size:
        return self.WindowSize

    @property
    def MaxPhysicalWindowSize(self) -> Size:
        return self.WindowSize


class HostUI:
    PS_TYPE_NAMES = (
        "System.Management.Automation.Internal.Host.InternalHostUserInterface",
        "System.Management.Automation.Host.PSHostUserInterface",
        "System.Object",
    )
    PS_PROPERTIES = ("RawUI", "SupportsVirtualTerminal")

    def __init__(self, host):
        self._host = host
        self.RawUI = RawUI(host)

    @property
    def SupportsVirtualTerminal(self) -> bool:
        return bool(getattr(self._host, "tty", False))

    # -- writing: Write(value) / Write(foreground, background, value), likewise WriteLine ----------
    def _text(self, args) -> tuple[str, Any, Any]:
        from pscompat.values.convert.strings import to_string

        if len(args) == 3:
            return to_string(args[2]), args[0], args[1]
        return (to_string(args[0]) if args else ""), None, None

    def Write(self, *args) -> None:
        text, fg, bg = self._text(args)
        self._host.write_host(text, False, str(fg) if fg is not None else None, str(bg) if bg is not None else None)

    def WriteLine(self, *args) -> None:
        text, fg, bg = self._text(args)
        self._host.write_host(text, True, str(fg) if fg is not None else None, str(bg) if bg is not None else None)

    def WriteErrorLine(self, value="") -> None:
        from pscompat.values.convert.strings import to_string

        self._host.write_host(to_string(value), True, "red" if getattr(self._host, "tty", False) else None)

    def WriteWarningLine(self, value="") -> None:
        from pscompat.values.convert.strings import to_string

        self._host.write_warning(to_string(value))

    def WriteVerboseLine(self, value="") -> None:
        from pscompat.values.convert.strings import to_string

        self._host.write_verbose(to_string(value))

    def WriteDebugLine(self, value="") -> None:
        from pscompat.values.convert.strings import to_string

        self._host.write_debug(to_string(value))

    # -- reading -------------------------------------------------------------------------------
    def ReadLine(self):
        require_prompt(self._host)
        return read_line(self._host)

    def ReadLineAsSecureString(self):
        from pscompat.values.dotnet.secure import SecureString

        require_prompt(self._host)
        text = read_line(self._host, secret=True)
        return None if text is None else SecureString(text)

    def PromptForChoice(self, caption, message, choices, default=0):
        from pscompat.values.convert.strings import to_string

        require_prompt(self._host)
        options = []
        for c in choices if isinstance(choices, (list, tuple)) else [choices]:
            label = getattr(c, "Label", None)
            options.append((to_string(label if label is not None else c), to_string(getattr(c, "HelpMessage", ""))))
        if not options:
            raise DotNetError('"choices" should have at least one element.', "ArgumentException")
        index = int(default)
        if not -1 <= index < len(options):
            raise DotNetError(
                '"defaultChoice" must be a valid index into "choices" or -1 for no default choice.',
                "ArgumentOutOfRangeException",
            )
        try:
            return self._host.prompt_for_choice(to_string(caption or ""), to_string(message or ""), options, index)
        except PromptCanceled as exc:
            raise DotNetError(exc.message, "System.Management.Automation.Host.PromptingException") from None

    def PromptForCredential(self, caption=None, message=None, user_name=None, target_name=None, *_options):
        from pscompat.values.convert.strings import to_string
        from pscompat.values.dotnet.secure import PSCredential, SecureString

        require_prompt(self._host)
        got = prompt_for_credential(
            self._host, to_string(caption or ""), to_string(message or ""), to_string(user_name or "")
        )
        if got is None:
            return None
        user, password = got
        if target_name:
            user = f"{to_string(target_name)}\\{user}"
        return PSCredential(user, SecureString(password))

    def Prompt(self, caption, message, descriptions):
        from pscompat.values.convert.strings import to_string
        from pscompat.values.dotnet.secure import SecureString
        from pscompat.values.objects.classes import Hashtable

        require_prompt(self._host)
        items = descriptions if isinstance(descriptions, (list, tuple)) else [descriptions]
        fields = []
        for d in items:
            type_name = to_string(getattr(d, "ParameterTypeName", "") or "")
            fields.append(
                Field(
                    to_string(getattr(d, "Name", d)),
                    array=type_name.endswith("[]"),
                    secret=type_name == "SecureString",
                    help=to_string(getattr(d, "HelpMessage", "") or ""),
                )
            )
        answers = prompt(self._host, to_string(caption or ""), to_string(message or ""), fields)
        table = Hashtable()
        for f in fields:
            if answers is not None and f.name in answers:
                table[f.name] = SecureString(answers[f.name]) if f.secret else answers[f.name]
        return table


class PSHostObject:
    PS_TYPE_NAMES = (
        "System.Management.Automation.Internal.Host.InternalHost",
        "System.Management.Automation.Host.PSHost",
        "System.Object",
    )
    PS_PROPERTIES = (
        "Name",
        "Version",
        "InstanceId",
        "UI",
        "CurrentCulture",
        "CurrentUICulture",
        "PrivateData",
        "DebuggerEnabled",
        "IsRunspacePushed",
        "Runspace",
    )

    def __init__(self, host):
        from pscompat.values.dotnet.collections import Version

        self._host = host
        self.Name = "ConsoleHost" if getattr(host, "is_console", False) else "Default Host"
        self.Version = Version("7.4.0")
        self.InstanceId = uuid.uuid4()
        self.UI = HostUI(host)
        self.CurrentCulture = "en-US"
        self.CurrentUICulture = "en-US"
        self.PrivateData = None
        self.DebuggerEnabled = True
        self.IsRunspacePushed = False
        self.Runspace = None

    def ToString(self) -> str:
        return self.PS_TYPE_NAMES[0]

    __str__ = ToString


def host_object(ctx) -> PSHostObject:
    """The session's $Host: made on first use, then the same object for the session."""
    found = getattr(ctx, "_host_object", None)
    if found is None or found._host is not ctx.host:
        found = PSHostObject(ctx.host)
        ctx._host_object = found
    return found
