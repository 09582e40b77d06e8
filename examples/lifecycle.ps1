# A VM image's life: newest image of a family -> VM -> stop -> capture as a VM image ->
# find it by DataDiskConfigurations -> VM from it (its data disk comes back) -> remove the image.
#     PSCOMPAT_HOME=$(mktemp -d) python -m pscompat examples/lifecycle.ps1

$family = "Windows Server 2012 R2 Datacenter"
$image = Get-AzureVMImage | where { $_.ImageFamily -eq $family } |
    Sort-Object PublishedDate -Descending | Select-Object -ExpandProperty ImageName -First 1
"Newest '$family' image: $image"

# A Windows VM with one 50 GB data disk, in a new cloud service.
$vm = New-AzureVMConfig -Name "web01" -InstanceSize "Small" -ImageName $image |
    Add-AzureProvisioningConfig -Windows -AdminUsername "webadmin" -Password "Pa55word!" |
    Add-AzureDataDisk -CreateNew -DiskSizeInGB 50 -DiskLabel "data" -LUN 0
New-AzureVM -ServiceName "lifecycle-svc" -Location "West US" -VMs $vm | Out-Null
Get-AzureVM -ServiceName "lifecycle-svc" -Name "web01" | Format-Table Name, Status, InstanceSize

# Stop it, staying provisioned, then capture OS and data disks as a specialized VM image.
Stop-AzureVM -ServiceName "lifecycle-svc" -Name "web01" -StayProvisioned | Out-Null
Save-AzureVMImage -ServiceName "lifecycle-svc" -Name "web01" -ImageName "web01-image" -ImageLabel "web tier" -OSState "Specialized" | Out-Null

# Find it among the VM images.
$vmImage = Get-AzureVMImage |
    where { (gm -InputObject $_ -Name DataDiskConfigurations) -ne $null } |
    where { $_.ImageName -eq "web01-image" }
$vmImage | Format-Table ImageName, Label, @{Name = "DataDisks"; Expression = { $_.DataDiskConfigurations.Count }}

# A second VM from the VM image: the image's data disk is attached again.
New-AzureVMConfig -Name "web02" -InstanceSize "Small" -ImageName $vmImage.ImageName |
    New-AzureVM -ServiceName "lifecycle-svc" | Out-Null
(Get-AzureVM -ServiceName "lifecycle-svc" -Name "web02").VM.DataVirtualHardDisks |
    Format-Table Lun, LogicalDiskSizeInGB, DiskName

# (Out-Default formats a script's output with the first table's columns, hence Format-Table.)

# Clean up: the image with its VHDs, then the service with its VMs and disks.
Remove-AzureVMImage -ImageName "web01-image" -DeleteVHD | Out-Null
Remove-AzureService -ServiceName "lifecycle-svc" -DeleteAll -Force | Out-Null
"Removed web01-image and lifecycle-svc"
