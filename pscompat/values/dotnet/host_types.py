"""The host's small description types scripts build for $Host.UI: ChoiceDescription (a choice of
PromptForChoice, `[ChoiceDescription]'&Yes'` or `::new('&Yes', 'help')`) and FieldDescription
(a field of Prompt).  PS: src/System.Management.Automation/engine/hostifaces/ChoiceDescription.cs,
FieldDescription.cs."""

from __future__ import annotations

from pscompat.values.convert.strings import to_string

CHOICE_DESCRIPTION = "System.Management.Automation.Host.ChoiceDescription"
FIELD_DESCRIPTION = "System.Management.Automation.Host.FieldDescription"


class ChoiceDescription:
    PS_TYPE_NAMES = (CHOICE_DESCRIPTION, "System.Object")
    PS_PROPERTIES = ("Label", "HelpMessage")

    def __init__(self, label, help_message="") -> None:
        self.Label = to_string(label)
        self.HelpMessage = to_string(help_message)

    def ToString(self) -> str:
        return CHOICE_DESCRIPTION

    __str__ = ToString


class FieldDescription:
    PS_TYPE_NAMES = (FIELD_DESCRIPTION, "System.Object")
    PS_PROPERTIES = (
        "ParameterTypeName",
        "ParameterTypeFullName",
        "ParameterAssemblyFullName",
        "Name",
        "Label",
        "HelpMessage",
        "IsMandatory",
        "DefaultValue",
        "Attributes",
    )

    def __init__(self, name) -> None:
        self.Name = to_string(name)
        self.Label = ""
        self.HelpMessage = ""
        self.IsMandatory = True
        self.DefaultValue = None
        self.Attributes: list = []
        self.ParameterTypeName = "String"
        self.ParameterTypeFullName = "System.String"
        self.ParameterAssemblyFullName = ""

    def SetParameterType(self, type_value) -> None:
        full = to_string(getattr(type_value, "full_name", type_value))
        self.ParameterTypeFullName = full
        self.ParameterTypeName = full.rsplit(".", 1)[-1]

    def ToString(self) -> str:
        return FIELD_DESCRIPTION

    __str__ = ToString
