import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

# The command line keeps parsed scripts on disk (pscompat.parse_cache); tests that start it get
# a cache of their own, so they neither read nor fill the user's ~/.cache.
if "PSCOMPAT_CACHE_DIR" not in os.environ:
    import atexit
    import shutil
    import tempfile

    _cache = tempfile.mkdtemp(prefix="pscompat-test-cache-")
    os.environ["PSCOMPAT_CACHE_DIR"] = _cache
    atexit.register(shutil.rmtree, _cache, True)
