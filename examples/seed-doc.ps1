# Every PowerShell command of the seed document ("About images for virtual machines", 2015),
# in its own spelling (en dashes, gm, where, Select).  Run on a fresh sandbox:
#     PSCOMPAT_HOME=$(mktemp -d) python -m pscompat examples/seed-doc.ps1
# The generalized capture deletes a VM, so it asks first; unattended, give consent up front:
#     PSCOMPAT_HOME=$(mktemp -d) python -m pscompat -c "\$ConfirmPreference = 'None'; ./examples/seed-doc.ps1"

# Get all images: yours and the ones Azure or partners provide (a long list).
Get-AzureVMImage

# Get the image families.
Get-AzureVMImage | select ImageFamily

# Get all images of one family.
$family = "Windows Server 2012 R2 Datacenter"
Get-AzureVMImage | Where-Object {$_.ImageFamily -eq $family}

# Find the VM images: only they have a DataDiskConfigurations property.
Get-AzureVMImage | where {(gm –InputObject $_ -Name DataDiskConfigurations) -ne $null} | Select -Property Label, ImageName

# Save a generalized image (the VM is deleted).
Save-AzureVMImage –ServiceName "myServiceName" –Name "MyVMtoCapture" –OSState "Generalized" –ImageName "MyVmImage" –ImageLabel "This is my generalized image"

# Save a specialized image (the VM is kept).
Save-AzureVMImage –ServiceName "mySvc2" –Name "MyVMToCapture2" –ImageName "myFirstVMImageSP" –OSState "Specialized" -Verbose

# Delete an image.
Remove-AzureVMImage –ImageName "MyOldVmImage"
