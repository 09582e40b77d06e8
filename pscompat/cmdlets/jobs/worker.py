"""The child-process side of Start-Job.

PowerShell runs a background job in a new pwsh process and sends its results back serialized
(PS: src/System.Management.Automation/engine/remoting/commands/StartJob.cs, the out-of-process
runspace).  pscompat does the same: the parent starts `python -c <BOOTSTRAP>`, writes one JSON
request to the child's standard input, and reads one JSON line per record from its standard
output: `[stream, payload]`, where objects travel as CLIXML (cmdlets/data/clixml.py, the format
PowerShell's remoting uses) and error records as their parts.  The last line is
`["State", "Completed" | "Failed"]`.

The request: script and init (the block's syntax tree, packed as the parse cache stores trees,
with its source text and name, so the child neither loads nor runs the parser), args, using and
input (CLIXML), cwd.
"""

from __future__ import annotations

import base64
import json
import os
import sys
import threading
from typing import Any

from pscompat.cmdlets.data.clixml import deserialize, serialize
from pscompat.cmdlets.jobs.runspace import new_runspace, run_block
from pscompat.engine import deep_stack
from pscompat.engine.scriptblock import ScriptBlockValue
from pscompat.errors import PSError
from pscompat.source import Source
from pscompat.syntax import nodes as N
from pscompat.syntax.cache import pack_tree, unpack_tree
from pscompat.values.error_records import ErrorRecord

# The child's entry: the command catalog must be loaded in the child before the worker runs,
# and a cmdlet module may not import the catalog (it sits above the cmdlets), so the process is
# started with this line (the same thing `python -m pscompat` does through the session).
BOOTSTRAP = "import pscompat.catalog; from pscompat.cmdlets.jobs.worker import main; main()"

_OUT_LOCK = threading.Lock()


def encode_record(stream: str, item: Any) -> str:
    if stream == "Error":
        payload: Any = {
            "message": str(getattr(item, "message", item)),
            "id": str(getattr(item, "fully_qualified_error_id", "JobError")),
            "category": str(getattr(item, "category", "NotSpecified")),
            "target": None if getattr(item, "target_object", None) is None else str(item.target_object),
            "type": str(getattr(item, "exception_type", "System.Exception")),
        }
    elif stream in ("Warning", "Verbose", "Debug"):
        payload = str(getattr(item, "Message", item))
    elif stream == "Progress":
        payload = [str(x) if not isinstance(x, (int, bool)) else x for x in item]
    else:
        payload = serialize([item], 2)[0]
    return json.dumps([stream, payload])


def decode_record(line: str) -> tuple[str, Any]:
    from pscompat.engine.streams import StreamRecord

    stream, payload = json.loads(line)
    if stream == "Error":
        rec = ErrorRecord(
            payload["message"], payload["id"], payload["category"], payload["target"], exception_type=payload["type"]
        )
        return stream, rec
    if stream in ("Warning", "Verbose", "Debug"):
        return stream, StreamRecord(stream, payload)
    if stream in ("State", "Progress"):
        return stream, payload
    items = deserialize(payload)
    return stream, items[0] if items else None


def _send(stream: str, item: Any) -> None:
    line = encode_record(stream, item)
    with _OUT_LOCK:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def main() -> None:
    # Load every command before the request comes: a spare worker (process.py) does this while
    # it waits, so a job that takes it starts at once.
    from pscompat.engine.commands import REGISTRY

    REGISTRY.load()
    line = sys.stdin.readline()
    if not line.strip():
        return  # the parent went away before it needed this worker
    request = json.loads(line)
    if request.get("env") is not None:  # the parent's environment as it is now, not at spawn time
        os.environ.clear()
        os.environ.update(request["env"])
    if request.get("cwd"):
        try:
            os.chdir(request["cwd"])
        except OSError:
            pass
    using = {k: v[0] if v else None for k, v in ((k, deserialize(t)) for k, t in request["using"].items())}
    args = deserialize(request["args"]) if request.get("args") else []
    ctx = new_runspace(_send, using)
    items = deserialize(request["input"]) if request.get("input") is not None else None
    ok = False
    try:
        block = _block(request["script"])
        init = _block(request["init"]) if request.get("init") else None
        # on a deep stack, as the command line runs scripts (engine/deep_stack.py)
        ok = deep_stack.call(lambda: run_block(ctx, block, args, _send, None, init, items))
    except Exception as exc:  # an engine fault: the job failed
        if isinstance(exc, PSError):
            _send("Error", ErrorRecord.from_error(exc))
        else:
            _send("Error", ErrorRecord(str(exc) or type(exc).__name__, "JobStateFailed"))
    _send("State", "Completed" if ok else "Failed")


def encode_block(block: ScriptBlockValue) -> dict:
    return {
        "tree": base64.b64encode(pack_tree(block.node)).decode("ascii"),
        "text": block.source.text,
        "name": block.source.name,
    }


def _block(data: dict) -> ScriptBlockValue:
    tree = unpack_tree(base64.b64decode(data["tree"]))
    if not isinstance(tree, N.ScriptBlock):
        raise ValueError("the job's script block did not arrive intact")
    return ScriptBlockValue(tree, Source(data["text"], data["name"]))
