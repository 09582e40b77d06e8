import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

# The command line keeps parsed scripts on disk (pscompat.syntax.cache); tests that start it get
# a cache of their own, so they neither read nor fill the user's ~/.cache.
if "PSCOMPAT_CACHE_DIR" not in os.environ:
    import atexit
    import shutil
    import tempfile

    _cache = tempfile.mkdtemp(prefix="pscompat-test-cache-")
    os.environ["PSCOMPAT_CACHE_DIR"] = _cache
    atexit.register(shutil.rmtree, _cache, True)


import pytest


@pytest.fixture(scope="session")
def classic_server(tmp_path_factory):
    """`pscompat serve` (tests/serve_process.py), one process for the whole session, shared by
    every module that runs the Azure cmdlets over the classic REST API."""
    from serve_process import serve

    yield from serve(tmp_path_factory)
