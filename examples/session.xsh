# PowerShell inside xonsh, as a script:  PYTHONPATH=. xonsh examples/session.xsh
#
# At the interactive prompt you would simply type the PowerShell lines (after
# `xontrib load pscompat`).  Scripts are parsed by xonsh before anything runs, so here
# PowerShell goes through `ps!` (one line), `with! pscompat.block():` (a block) or
# `pscompat.run(...)` (from Python code), and everything below also works at the prompt.

xontrib load pscompat

family = "Windows Server 2012 R2 Datacenter"

# One line: everything after `ps!` is PowerShell, verbatim; $family is the Python variable.
ps! Get-AzureVMImage | Where-Object {$_.ImageFamily -eq $family} | Select -Property Label, ImageName

# A block: indented PowerShell, several lines, runs as one script.  `as images` gets the
# PowerShell output as a Python list (a PSResult) and `$newest` becomes the Python `newest`.
with! pscompat.block() as images:
    $newest = Get-AzureVMImage |
        Where-Object { $_.ImageFamily -eq $family } |
        Sort-Object PublishedDate -Descending |
        Select-Object -First 1
    Get-AzureVMImage | Where-Object { $_.OS -eq "Linux" } | Select-Object -First 3 -Property Label, ImageFamily

print("newest image of the family:", newest.ImageName)
print("linux images found:", len(images), "first label:", images[0].Label)

# From Python: the session is shared, so PowerShell functions and variables persist.
pscompat.run('function Get-Family($name) { Get-AzureVMImage | Where-Object { $_.ImageFamily -like "$name*" } }')
ubuntu = pscompat.run('Get-Family "Ubuntu Server 14"')
print("Ubuntu 14 images:", sorted({img.ImageFamily for img in ubuntu}))

# Keyword statements and hashtables are PowerShell too (at the prompt they need no wrapper).
with! pscompat.block() as counts:
    foreach ($os in "Windows", "Linux") {
        [pscustomobject]@{ OS = $os; Images = @(Get-AzureVMImage | Where-Object { $_.OS -eq $os }).Count }
    }
print({row.OS: row.Images for row in counts})

# Objects are live Python values: properties read as attributes, rows of a Select also by key.
first = ubuntu[0]
print(first.ImageName, first.OS, images[0]["label"] == images[0].Label)

# Errors print as PowerShell prints them.  A block goes on; `ps!` also sets exit status 1, like
# `pwsh -c` (a script stops there when $RAISE_SUBPROC_ERROR is on, so capture it with !( )).
with! pscompat.block():
    Get-AzureVMImage -ImageName no-such-image
failed = !(ps! Get-AzureVMImage -ImageName no-such-image)
print("ps! exit status:", failed.returncode)
print("still running")

# Without a PowerShell line, `ps` is the system's ps.
ps -o comm= -p @(__import__("os").getpid())
