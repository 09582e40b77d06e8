"""pscompat's benchmark suite (issue 6): `python -m bench [--quick] [--json FILE] [--write-results]`.

Each case times a pscompat pipeline against the Python a good engineer would write by hand for
the same work, in the same process (medians of several `time.perf_counter` runs).  Timing goals
are reported, never asserted: the unit test only checks the runner's output shape.
"""
