"""The classic Azure compute cmdlets: images, cloud services, VMs and their configuration."""
