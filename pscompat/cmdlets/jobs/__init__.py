"""Jobs and parallelism: Start-Job (a child process), Start-ThreadJob, ForEach-Object -Parallel,
the job cmdlets and the background operator `&`.  docs/jobs.md describes the design."""
