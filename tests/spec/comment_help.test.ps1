# Comment-based help read by Get-Help (about_Comment_Based_Help).  Sources: PowerShell/PowerShell
# src/System.Management.Automation/help/HelpCommentsParser.cs (where the block may be, how a
# section's text is cut, BuildXmlFromComments' shape of the help object) and
# test/powershell/Language/Scripting/ScriptHelp.Tests.ps1.

#### Help before the function keyword: sections, the first line's indentation removed
# source: HelpCommentsParser.GetSection (blank lines before a section skipped; as much leading
# white space removed from each line as the first line had); ScriptHelp.Tests.ps1 helpFunc1

# .SYNOPSIS
#
#    A useless function.
#
# .DESCRIPTION
#    A description
#
#        indented.
#
# .NOTES
#    Harmless.
function helpFunc1 {}
$x = Get-Help helpFunc1
$x.Synopsis
$x.Description[0].Text
$x.alertSet.alert[0].Text
$x.Category
## RESULT: ["A useless function.", "A description\n\n    indented.", "Harmless.", "Function"]

#### Help inside the body, in a block comment, with .PARAMETER and .EXAMPLE
# source: HelpCommentsParser.GetHelpCommentTokens (the first help block inside the body);
# GetExampleSections (the prompt is the first line up to '>', the code runs to a blank line)
function Get-Thing {
    <#
    .SYNOPSIS
        Gets a thing.
    .PARAMETER Name
        The thing's name.
    .EXAMPLE
        PS> Get-Thing -Name a

        Gets a.
    #>
    param([string]$Name, $Count = 42)
}
$x = Get-Help Get-Thing
$x.Synopsis
$x.parameters.parameter[0].description[0].Text
$x.parameters.parameter[1].defaultValue
$x.examples.example[0].introduction[0].Text
$x.examples.example[0].code
$x.examples.example[0].remarks[0].Text
$x.examples.example[0].remarks.Count
## RESULT: ["Gets a thing.", "The thing's name.", "42", "PS>", "Get-Thing -Name a", "Gets a.", 5]

#### A block more than one blank line above the function is not its help
# source: HelpCommentsParser.CommentBlockProximity = 2; ScriptHelp.Tests.ps1 missingHelp
<#
.SYNOPSIS
Not this.
#>


function missingHelp { param($abc) }
(Get-Help missingHelp).Synopsis.Trim()
## RESULT: ["missingHelp [[-abc] <Object>]"]

#### Help at the end of the body; links, component, role and functionality
# source: HelpCommentsParser.GetHelpCommentTokens (the comments before the closing brace);
# BuildXmlFromComments (a link that is a URI goes to uri, any other to linkText)
function helpFunc3 {
    param($a)
    # .LINK
    #    https://example.com/help
    # .LINK
    #    Get-Other
    # .COMPONENT
    #    Tools
    # .ROLE
    #    Admin
    # .FUNCTIONALITY
    #    Things
}
$x = Get-Help helpFunc3
$x.relatedLinks.navigationLink[0].uri
$x.relatedLinks.navigationLink[1].linkText
$x.Component, $x.Role, $x.Functionality
## RESULT: ["https://example.com/help", "Get-Other", "Tools", "Admin", "Things"]

#### -Component that does not match is HelpNotFound; one that matches returns the help
# source: ScriptHelp.Tests.ps1 'get-help helpFunc1 -component blah'
function helpFunc4 {
    # .SYNOPSIS
    #    s
    # .COMPONENT
    #    Something
}
$x = Get-Help helpFunc4 -Component blah -ErrorAction SilentlyContinue -ErrorVariable e
$null -eq $x
$e[0].FullyQualifiedErrorId
(Get-Help helpFunc4 -Component Some*).Synopsis
## RESULT: [true, "HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand", "s"]

#### A # inside a string is not a comment, and a comment block with other text is not help
# source: HelpCommentsParser.AnalyzeCommentBlock (a line that is neither a directive nor blank
# means the block is not help)
function helpFunc5 {
    # just a remark
    # .SYNOPSIS
    #    not help: the block has other text
    "# .SYNOPSIS"
}
(Get-Help helpFunc5).Synopsis.Trim()
## RESULT: ["helpFunc5"]

#### The help object displays as the help text
# source: Get-Help's default view (NAME, SYNOPSIS, SYNTAX, DESCRIPTION)
function helpFunc6 {
    <#
    .SYNOPSIS
        Shown.
    #>
}
$text = Get-Help helpFunc6 | Out-String
$text.Contains("NAME`n    helpFunc6"), $text.Contains("SYNOPSIS`n    Shown.")
## RESULT: [true, true]

#### A parameter's own comments describe it when the help has no .PARAMETER for it
# source: HelpCommentsParser.GetParameterComments (the block before the parameter, comments in
# it, the block after it); ScriptHelp.Tests.ps1 helpFunc11
function helpFunc7 {
    # .SYNOPSIS
    #   s
    param(
        # first help
        $first,
        [string]
        <# second help #>
        $second
    )
}
(Get-Help helpFunc7).parameters.parameter | ForEach-Object { $_.description[0].Text }
## RESULT: ["first help", "second help"]

#### Get-Help of a script file reads the script's help and parameters
# source: HelpCommentsParser.GetHelpCommentTokens (a script: the first help block, unless it is
# the help of the function the script starts with); ScriptHelp.Tests.ps1 'get-help file2'
$path = Join-Path ([IO.Path]::GetTempPath()) "pscompat-help-$([IO.Path]::GetRandomFileName()).ps1"
Set-Content $path "<#`n.SYNOPSIS`n  Script help`n#>`nparam([Parameter(Mandatory)]`$Name)`n"
$x = Get-Help $path
$x.Synopsis
$x.parameters.parameter[0].name
$x.parameters.parameter[0].required
Remove-Item $path
## RESULT: ["Script help", "Name", "true"]
