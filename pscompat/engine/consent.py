"""Consent before a change: ShouldProcess and ShouldContinue as PowerShell decides them
(PS: src/System.Management.Automation/engine/MshCommandRuntime.cs DoShouldProcess,
DoShouldContinue, CanShouldProcessAutoConfirm, InquireHelper; texts from
resources/CommandBaseStrings.resx).

ShouldProcess, per call:
1. an earlier "Yes to All" / "No to All" in this command invocation answers at once;
2. -WhatIf (or $WhatIfPreference) prints 'What if: <description>' and answers no;
3. the command's ConfirmImpact below the threshold answers yes (with -Verbose the description
   is written as a verbose line): the threshold is Low under -Confirm, None (never ask) under
   -Confirm:$false, else $ConfirmPreference (High by default); a threshold of None never asks;
4. otherwise the user is asked: Yes, Yes to All, No, No to All, Suspend.
ShouldContinue always asks (Yes, No and Suspend, or with the to-all pair when the caller keeps
them), whatever the preferences; cmdlets skip it under their -Force.

A host that cannot ask (no terminal on stdin, `pscompat -NonInteractive`, the Python API)
refuses: the command stops with pwsh's NonInteractive error, a statement-terminating
InvalidOperation, and nothing is changed.  pscompat has no nested prompt, so Suspend says so
and asks again.
"""

from __future__ import annotations

from typing import Any

IMPACTS = {"none": 0, "low": 1, "medium": 2, "high": 3}
DEFAULT_IMPACT = "Medium"  # CmdletBindingAttribute.ConfirmImpact's default

WHAT_IF = "What if: {0}"  # ShouldProcessWhatIfMessage
PERFORMING = 'Performing the operation "{0}" on target "{1}".'  # ShouldProcessMessage
ARE_YOU_SURE = "Are you sure you want to perform this action?\n{0}"  # ShouldProcessWarningFallback
CAPTION = "Confirm"  # InquireCaptionDefault
CONTINUE_QUERY = "Continue with this operation?"  # ShouldContinuePromptCaption
# ConsoleHostUserInterfaceStrings.ReadFailsOnNonInteractiveFlag: what pwsh -NonInteractive says
# when a prompt is needed.
NON_INTERACTIVE = "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."
NO_SUSPEND = (
    "Suspend is not available: pscompat has no nested prompt to return to. "
    "Answer Y or N (or A / L for all), or press Ctrl+C to stop the command."
)

YES = ("&Yes", "Continue with only the next step of the operation.")
YES_TO_ALL = ("Yes to &All", "Continue with all the steps of the operation.")
NO = ("&No", "Skip this operation and proceed with the next operation.")
NO_TO_ALL = ("No to A&ll", "Skip this operation and all subsequent operations.")
SUSPEND = (
    "&Suspend",
    'Pause the current pipeline and return to the command prompt. Type "exit" to resume the pipeline.',
)


def impact_rank(value: Any, default: str = "High") -> int:
    """A ConfirmImpact (name, enum value or number) as 0..3; an unknown value counts as default."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 3:
        return value
    text = str(getattr(value, "name", value) or "").strip().lower()
    return IMPACTS.get(text, IMPACTS[default.lower()])


def what_if_set(runtime) -> bool:
    """-WhatIf as given, else $WhatIfPreference (MshCommandRuntime.WhatIf)."""
    from pscompat.values.convert.primitives import to_bool

    if "WhatIf" in runtime.common:
        return to_bool(runtime.common["WhatIf"])
    return to_bool(runtime.preference_scope.lookup("whatifpreference", False))


def threshold(runtime) -> int:
    """MshCommandRuntime.ConfirmPreference: -Confirm -> Low, -Confirm:$false -> None, else
    $ConfirmPreference."""
    from pscompat.values.convert.primitives import to_bool

    if "Confirm" in runtime.common:
        return IMPACTS["low"] if to_bool(runtime.common["Confirm"]) else IMPACTS["none"]
    return impact_rank(runtime.preference_scope.lookup("confirmpreference", "High"))


def should_process(
    runtime, description: str, warning: str | None = None, caption: str | None = None, impact=None, echo=True
):
    """DoShouldProcess: True when the change may go ahead.  echo=False keeps -Verbose from
    writing the description (a cmdlet whose original had no ShouldProcess keeps its transcript)."""
    state = runtime.consent
    if state == "yes_to_all":
        return True
    if state == "no_to_all":
        return False
    if what_if_set(runtime):
        runtime.ctx.host.write_host(WHAT_IF.format(description), True)
        return False
    own = impact_rank(impact if impact is not None else getattr(runtime.info, "confirm_impact", DEFAULT_IMPACT))
    limit = threshold(runtime)
    if limit == IMPACTS["none"] or limit > own:
        if echo and runtime.common.get("Verbose"):
            runtime.write_verbose(description)
        return True
    answer = inquire(runtime, warning or ARE_YOU_SURE.format(description), caption, to_all=True)
    if answer in ("yes_to_all", "no_to_all"):
        runtime.consent = answer
    return answer in ("yes", "yes_to_all")


def should_continue(runtime, query: str, caption: str | None = None, to_all: list | None = None) -> bool:
    """DoShouldContinue.  to_all: the caller's [yes_to_all, no_to_all] pair, kept across its
    calls (offers Yes to All / No to All); None offers Yes and No only."""
    if to_all is not None:
        if to_all[1]:
            return False
        if to_all[0]:
            return True
    answer = inquire(runtime, query, caption, to_all=to_all is not None)
    if to_all is not None and answer in ("yes_to_all", "no_to_all"):
        to_all[0 if answer == "yes_to_all" else 1] = True
    return answer in ("yes", "yes_to_all")


def inquire(runtime, message: str, caption: str | None, to_all: bool) -> str:
    """InquireHelper: ask on the host until an answer other than Suspend; 'yes', 'yes_to_all',
    'no' or 'no_to_all'."""
    host = runtime.ctx.host
    if not getattr(host, "can_prompt", False):
        raise runtime.terminating_error(
            NON_INTERACTIVE,
            "InvalidOperation",
            "InvalidOperation",
            exception_type="System.Management.Automation.PSInvalidOperationException",
        )
    choices = [YES, YES_TO_ALL, NO, NO_TO_ALL, SUSPEND] if to_all else [YES, NO, SUSPEND]
    names = ["yes", "yes_to_all", "no", "no_to_all", "suspend"] if to_all else ["yes", "no", "suspend"]
    from pscompat.format.host import PromptCanceled

    while True:
        try:
            picked = host.prompt_for_choice(caption or CAPTION, message or CONTINUE_QUERY, choices, 0)
        except PromptCanceled as exc:
            raise runtime.terminating_error(
                exc.message,
                "PromptForChoiceCanceled",
                "OperationStopped",
                exception_type="System.Management.Automation.Host.PromptingException",
            ) from None
        if names[picked] != "suspend":
            return names[picked]
        host.write(NO_SUSPEND + "\n")
