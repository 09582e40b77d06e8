"""Get-Verb (Docs: Microsoft.PowerShell.Utility/Get-Verb.md; PowerShell:
src/Microsoft.PowerShell.Commands.Utility/commands/utility/GetVerbCommand.cs and
src/System.Management.Automation/utils/Verbs.cs).

The approved verbs as PowerShell declares them: in its group order (Common, Communications,
Data, Diagnostic, Lifecycle, Other, Security) and, within a group, its declaration order, each
with its alias prefix.  The descriptions are pscompat's own short wording.
"""

from __future__ import annotations

import fnmatch

from pscompat.cmdlets.paths import as_list
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.values.convert.strings import to_string

GROUPS = ("Common", "Communications", "Data", "Diagnostic", "Lifecycle", "Other", "Security")

# (verb, alias prefix, group, description)
VERBS = (
    ("Add", "a", "Common", "Puts a resource into a container or attaches it to another item"),
    ("Clear", "cl", "Common", "Empties a container of its resources, keeping the container"),
    ("Close", "cs", "Common", "Ends access to a resource"),
    ("Copy", "cp", "Common", "Duplicates a resource under another name or in another container"),
    ("Enter", "et", "Common", "Moves the user into a resource, such as a session"),
    ("Exit", "ex", "Common", "Returns to the context that was in use before"),
    ("Find", "fd", "Common", "Searches a container for an object"),
    ("Format", "f", "Common", "Lays objects out in a given form"),
    ("Get", "g", "Common", "Reads a resource"),
    ("Hide", "h", "Common", "Makes a resource invisible"),
    ("Join", "j", "Common", "Combines several resources into one"),
    ("Lock", "lk", "Common", "Secures a resource against change"),
    ("Move", "m", "Common", "Relocates a resource"),
    ("New", "n", "Common", "Creates a resource"),
    ("Open", "op", "Common", "Makes a resource accessible for use"),
    ("Optimize", "om", "Common", "Makes a resource work better"),
    ("Push", "pu", "Common", "Puts an item on top of a stack"),
    ("Pop", "pop", "Common", "Takes the top item off a stack"),
    ("Redo", "re", "Common", "Applies again a change that was undone"),
    ("Remove", "r", "Common", "Deletes a resource from its container"),
    ("Rename", "rn", "Common", "Gives a resource a new name"),
    ("Reset", "rs", "Common", "Returns a resource to its initial state"),
    ("Resize", "rz", "Common", "Changes how large a resource is"),
    ("Search", "sr", "Common", "Makes a reference to a resource in a container"),
    ("Select", "sc", "Common", "Picks resources out of a container"),
    ("Set", "s", "Common", "Changes data of a resource, creating it when needed"),
    ("Show", "sh", "Common", "Makes a resource visible to the user"),
    ("Skip", "sk", "Common", "Passes over resources or points in a sequence"),
    ("Split", "sl", "Common", "Divides a resource into parts"),
    ("Step", "st", "Common", "Advances to the next point of a sequence"),
    ("Switch", "sw", "Common", "Alternates between two resources"),
    ("Undo", "un", "Common", "Returns a resource to the state before the last change"),
    ("Unlock", "uk", "Common", "Frees a locked resource"),
    ("Watch", "wc", "Common", "Monitors a resource for changes"),
    ("Connect", "cc", "Communications", "Links a source with a destination"),
    ("Disconnect", "dc", "Communications", "Breaks the link between a source and a destination"),
    ("Read", "rd", "Communications", "Takes in information from a source"),
    ("Receive", "rc", "Communications", "Accepts information a source sent"),
    ("Send", "sd", "Communications", "Delivers information to a destination"),
    ("Write", "wr", "Communications", "Puts information into a target"),
    ("Backup", "ba", "Data", "Keeps a copy of data by replicating it"),
    ("Checkpoint", "ch", "Data", "Takes a snapshot of data or of its configuration"),
    ("Compare", "cr", "Data", "Checks one resource's data against another's"),
    ("Compress", "cm", "Data", "Makes the data of a resource smaller"),
    ("Convert", "cv", "Data", "Turns data from one representation into another, both ways"),
    ("ConvertFrom", "cf", "Data", "Turns one primary input type into one or more output types"),
    ("ConvertTo", "ct", "Data", "Turns one or more input types into one primary output type"),
    ("Dismount", "dm", "Data", "Detaches a named entity from a location"),
    ("Edit", "ed", "Data", "Changes existing data by adding or taking out content"),
    ("Expand", "en", "Data", "Returns compressed data to its original form"),
    ("Export", "ep", "Data", "Writes the input into a persistent store or an interchange format"),
    ("Group", "gp", "Data", "Collects resources together"),
    ("Import", "ip", "Data", "Creates a resource from a persistent store or an interchange format"),
    ("Initialize", "in", "Data", "Prepares a resource for use in its default state"),
    ("Limit", "l", "Data", "Puts constraints on a resource"),
    ("Merge", "mg", "Data", "Makes one resource out of several"),
    ("Mount", "mt", "Data", "Attaches a named entity to a location"),
    ("Out", "o", "Data", "Sends data out of the environment"),
    ("Publish", "pb", "Data", "Makes a resource available to others"),
    ("Restore", "rr", "Data", "Brings a resource back to a saved state"),
    ("Save", "sv", "Data", "Keeps data so that it is not lost"),
    ("Sync", "sy", "Data", "Brings resources into the same state"),
    ("Unpublish", "ub", "Data", "Withdraws a resource from others"),
    ("Update", "ud", "Data", "Brings a resource up to date"),
    ("Debug", "db", "Diagnostic", "Examines a resource to find operational problems"),
    ("Measure", "ms", "Diagnostic", "Finds what an operation consumes, or statistics about a resource"),
    ("Ping", "pi", "Diagnostic", "Superseded by Test"),
    ("Repair", "rp", "Diagnostic", "Makes a resource usable again"),
    ("Resolve", "rv", "Diagnostic", "Expands a short form of a resource into its full form"),
    ("Test", "t", "Diagnostic", "Checks that a resource works or is consistent"),
    ("Trace", "tr", "Diagnostic", "Follows the activity of a resource"),
    ("Approve", "ap", "Lifecycle", "Agrees to the status of a resource or process"),
    ("Assert", "as", "Lifecycle", "Affirms the state of a resource"),
    ("Build", "bd", "Lifecycle", "Produces an artifact, such as a binary or a document, from input files"),
    ("Complete", "cmp", "Lifecycle", "Finishes an operation"),
    ("Confirm", "cn", "Lifecycle", "Verifies or acknowledges the state of a resource or process"),
    ("Deny", "dn", "Lifecycle", "Refuses or blocks the state of a resource or process"),
    ("Deploy", "dp", "Lifecycle", "Delivers an application or solution to a remote target for use"),
    ("Disable", "d", "Lifecycle", "Makes a resource unavailable or inactive"),
    ("Enable", "e", "Lifecycle", "Makes a resource available or active"),
    ("Install", "is", "Lifecycle", "Puts a resource in place, optionally initializing it"),
    ("Invoke", "i", "Lifecycle", "Carries out an action, such as running a command or method"),
    ("Register", "rg", "Lifecycle", "Records a resource in a repository"),
    ("Request", "rq", "Lifecycle", "Asks for a resource or for permission"),
    ("Restart", "rt", "Lifecycle", "Stops an operation and starts it again"),
    ("Resume", "ru", "Lifecycle", "Continues a suspended operation"),
    ("Start", "sa", "Lifecycle", "Begins an operation"),
    ("Stop", "sp", "Lifecycle", "Ends an activity"),
    ("Submit", "sb", "Lifecycle", "Offers a resource for approval"),
    ("Suspend", "ss", "Lifecycle", "Pauses an activity"),
    ("Uninstall", "us", "Lifecycle", "Takes a resource out of its location"),
    ("Unregister", "ur", "Lifecycle", "Deletes a resource's record from a repository"),
    ("Wait", "w", "Lifecycle", "Holds an operation until an event happens"),
    ("Use", "u", "Other", "Employs a resource to do something"),
    ("Block", "bl", "Security", "Restricts access to a resource"),
    ("Grant", "gr", "Security", "Allows access to a resource"),
    ("Protect", "pt", "Security", "Guards a resource against attack or loss"),
    ("Revoke", "rk", "Security", "Withdraws access to a resource"),
    ("Unblock", "ul", "Security", "Lifts restrictions on a resource"),
    ("Unprotect", "up", "Security", "Takes away the safeguards of a resource"),
)


class VerbInfo:
    """System.Management.Automation.VerbInfo."""

    PS_TYPE_NAMES = ("System.Management.Automation.VerbInfo", "System.Object")
    PS_PROPERTIES = ("Verb", "AliasPrefix", "Group", "Description")

    def __init__(self, verb: str, prefix: str, group: str, description: str):
        self.Verb, self.AliasPrefix, self.Group, self.Description = verb, prefix, group, description

    def ToString(self) -> str:
        return "System.Management.Automation.VerbInfo"


@cmdlet(
    "Get-Verb",
    synopsis="Gets approved PowerShell verbs.",
    description="Lists the approved verbs with their alias prefix, group and description; "
    "-Verb filters by name (wildcards), -Group by group.",
    examples=(
        ("Get-Verb -Group Security", "The security verbs."),
        ("Get-Verb Con*", "Connect, Convert, ConvertFrom, ConvertTo and Confirm."),
    ),
)
class GetVerb(Cmdlet):
    """Gets approved PowerShell verbs."""

    parameters = (
        Parameter("Verb", "string[]", position=0, pipeline=True, pipeline_by_name=True),
        Parameter("Group", "string[]", position=1, pipeline=True, pipeline_by_name=True, validate_set=GROUPS),
    )

    def process(self):
        patterns = [to_string(v).lower() for v in as_list(self.bound.get("Verb"))]
        groups = {to_string(g).lower() for g in as_list(self.bound.get("Group"))}
        out = []
        for verb, prefix, group, description in VERBS:
            if groups and group.lower() not in groups:
                continue
            if patterns and not any(fnmatch.fnmatchcase(verb.lower(), p) for p in patterns):
                continue
            out.append(VerbInfo(verb, prefix, group, description))
        return out
