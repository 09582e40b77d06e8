"""The benchmark cases.  Each `case_*` returns a list of row dicts (see `bench.runner.row`)."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import tracemalloc
from datetime import datetime, timedelta
from pathlib import Path

from .runner import alternating, median_time, row, timing_fields

FAMILIES = (
    [f"Windows Server 20{y} {e}" for y in (8, 12, 16, 19) for e in ("Datacenter", "Standard", "Core")]
    + [f"Ubuntu Server {v}" for v in ("12.04 LTS", "14.04 LTS", "14.10", "15.04")]
    + [
        "OpenLogic 7.0",
        "SUSE Linux Enterprise Server 12",
        "SQL Server 2014 Standard on Windows Server 2012 R2",
        "BizTalk Server 2013 R2 Enterprise",
    ]
)  # 20 families
FAMILY = "Ubuntu Server 14.04 LTS"
FAMILY_QUERY = FAMILY.lower()  # PowerShell's -eq is case-insensitive; the query differs in case on purpose


def make_images(n: int) -> list:
    """`n` image objects: pscompat.azure's OSImageContext (what Get-AzureVMImage emits) when available."""
    try:
        from pscompat.azure.models import OSImageContext as cls
    except Exception:  # pragma: no cover - fallback when the Azure layer is unavailable

        class cls:
            __slots__ = ("Label", "ImageName", "ImageFamily", "PublishedDate", "LogicalSizeInGB")

            def __init__(self, **kw):
                for k, v in kw.items():
                    setattr(self, k, v)

    rnd = random.Random(6)
    base = datetime(2013, 1, 1)
    out = []
    for i in range(n):
        fam = FAMILIES[i % len(FAMILIES)]
        out.append(
            cls(
                Label=f"{fam}, build {i}",
                ImageName=f"img-{i:07d}-{fam.replace(' ', '-')}.vhd",
                ImageFamily=fam,
                PublishedDate=base + timedelta(minutes=rnd.randrange(5_000_000)),
                LogicalSizeInGB=rnd.choice((30, 127, 128, 1023)),
            )
        )
    return out


def _run(src: str, **variables):
    import pscompat

    return pscompat.run(src, **variables)


def _peak_mb(fn) -> float:
    """tracemalloc peak (MB) of one extra call of `fn` (not part of the timed runs)."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


PROFILE_TARGETS: dict = {}  # case -> the pscompat callable, for `--write-results`' cProfile of the worst case


def _compare(case, size, ps_fn, py_fn, goal_ratio, runs, memory=True, check=None):
    PROFILE_TARGETS[case] = ps_fn
    # one warm-up call each (first-use imports are start-up's business), then alternating rounds
    t = alternating(ps_fn, py_fn, runs)
    ps_t, py_t = t["ps_median"], t["py_median"]
    if check:
        check(ps_fn(), py_fn())
    ratio = ps_t / py_t if py_t else float("inf")
    return row(
        case,
        size,
        ps_t,
        py_t,
        ratio,
        f"ratio <= {goal_ratio:g}",
        ratio <= goal_ratio,
        peak_mb=_peak_mb(ps_fn) if memory else None,
        **timing_fields(t),
    )


# --- in-memory objects ---------------------------------------------------------------------------
def object_cases(n: int, runs: int, memory: bool = True, only: list[str] | None = None) -> list[dict]:
    """Issue 15's table of ordinary pipeline variants (bench/variants.py), then their median;
    `only`: just the rows whose name contains one of these texts (no $null-sort rows)."""
    from . import variants

    objs = make_images(n)
    rows = variants.pipeline_rows(objs, FAMILY_QUERY, runs, PROFILE_TARGETS, only)
    ratios = sorted(r["ratio"] for r in rows)
    median = (
        ratios[len(ratios) // 2] if len(ratios) % 2 else (ratios[len(ratios) // 2 - 1] + ratios[len(ratios) // 2]) / 2
    )
    over = sum(1 for r in ratios if r > variants.PIPELINE_GOAL)
    rows.append(
        row(
            "pipeline rows: median ratio",
            len(ratios),
            None,
            None,
            median,
            "ratio <= 1.5",
            median <= 1.5,
            note=f"median of the {len(ratios)} pipeline rows above; {over} of them above {variants.PIPELINE_GOAL:g}x",
        )
    )
    if memory:
        for r in rows:
            fn = PROFILE_TARGETS.get(r["case"])
            if fn is not None:
                r["peak_mb"] = _peak_mb(fn)
    if not only:
        rows += variants.null_sort_rows(objs, runs, PROFILE_TARGETS)
    return rows


def general_cases(n_loop: int, runs: int, fib_n: int = 22) -> list[dict]:
    """Loops over a million items, function calls, fib 22, $list.Add (bench/variants.py)."""
    from . import variants

    return variants.general_rows(n_loop, runs, PROFILE_TARGETS, fib_n)


# --- the sandbox ---------------------------------------------------------------------------------
def sandbox_cases(n: int, runs: int, home: str, memory: bool = True) -> list[dict]:
    """Runs with `$PSCOMPAT_HOME` = `home` (a temp dir the caller owns), which it leaves set."""
    from pscompat.azure.backends import store

    os.environ["PSCOMPAT_HOME"] = home
    if True:
        if True:
            store.reset()
            store.grow(n)
            db = store.db_path()

            def ps_list():
                return _run("Get-AzureVMImage | Measure-Object")

            def py_list():
                conn = sqlite3.connect(db)
                try:
                    rows = [
                        json.loads(body)
                        for table in ("os_images", "vm_images")
                        for (body,) in conn.execute(f"SELECT body FROM {table} ORDER BY seq")
                    ]
                finally:
                    conn.close()
                return rows

            def check_list(ps, py):
                count = ps[0].Count if hasattr(ps[0], "Count") else None
                if count is not None and count != len(py):
                    raise AssertionError(f"listing counts differ: {count} vs {len(py)}")

            listing = _compare("listing", n, ps_list, py_list, 3, runs, memory, check_list)

            def ps_first():
                return _run("Get-AzureVMImage | Select-Object -First 1")

            ps_first()
            first_t = median_time(ps_first, max(runs, 5))
            ratio = first_t / listing["pscompat_s"]
            early = row(
                "early stop",
                n,
                first_t,
                listing["pscompat_s"],
                ratio,
                "ratio <= 0.01",
                ratio <= 0.01,
                peak_mb=_peak_mb(ps_first) if memory else None,
                note="compared with pscompat's full listing (Get-AzureVMImage | Measure-Object)",
            )
            return [early, listing]


# --- streaming memory (subprocess: peak RSS) -----------------------------------------------------
_STREAM_CHILD = r"""
import gc, json, os, resource, sys, threading, time
import pscompat
PAGE = os.sysconf("SC_PAGE_SIZE")
def rss():  # current resident set, bytes (ru_maxrss is a high-water mark, inherited across fork+exec)
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * PAGE
pscompat.run("1..10 | Where-Object {$_ % 2} | Measure-Object")  # engine loaded and warm
gc.collect()
before = rss()
peak = [before]
done = threading.Event()
def sample():
    while not done.is_set():
        peak[0] = max(peak[0], rss())
        time.sleep(0.002)
sampler = threading.Thread(target=sample, daemon=True)
sampler.start()
t = time.perf_counter()
r = pscompat.run("1..%d | Where-Object {$_ %% 2} | Measure-Object" % int(sys.argv[1]))
elapsed = time.perf_counter() - t
done.set(); sampler.join()
peak[0] = max(peak[0], rss())
print(json.dumps({"before": before, "peak": peak[0], "seconds": elapsed, "count": r[0].Count,
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def streaming_case(n: int) -> list[dict]:
    out = subprocess.run([sys.executable, "-c", _STREAM_CHILD, str(n)], capture_output=True, text=True, check=True)
    data = json.loads(out.stdout.strip().splitlines()[-1])
    grown = (data["peak"] - data["before"]) / 2**20
    if data["count"] != (n + 1) // 2:
        raise AssertionError(f"streaming count {data['count']} != {(n + 1) // 2}")
    return [
        row(
            "streaming memory",
            n,
            data["seconds"],
            None,
            grown,
            "peak RSS grows < 50 MB",
            grown < 50,
            peak_mb=data["peak"] / 2**20,
            unit="MB grown",
            note="1..N | Where-Object {$_ % 2} | Measure-Object in a subprocess (engine warm); peak of "
            "/proc/self/statm RSS sampled every 2 ms during the run, minus RSS before it "
            "(not ru_maxrss: on Linux it keeps the parent's high-water mark across fork+exec)",
        )
    ]


# --- parse ---------------------------------------------------------------------------------------
_STATEMENTS = [
    '$family = "Windows Server 2012 R2 Datacenter"',
    "$image = Get-AzureVMImage | where { $_.ImageFamily -eq $family } | Sort-Object PublishedDate -Descending | "
    "Select-Object -ExpandProperty ImageName -First 1",
    "\"Newest '$family' image: $image\"",
    '$vm = New-AzureVMConfig -Name "web{0}" -InstanceSize "Small" -ImageName $image | '
    'Add-AzureProvisioningConfig -Windows -AdminUsername "webadmin" -Password "Pa55word!"',
    'New-AzureVM -ServiceName "svc{0}" -Location "West US" -VMs $vm | Out-Null',
    'Get-AzureVM -ServiceName "svc{0}" -Name "web{0}" | Format-Table Name, Status, InstanceSize',
    "$total{0} = 0",
    "foreach ($i in 1..10) {{ $total{0} += $i * {0} }}",
    "if ($total{0} -gt 100 -and $family -like '*Server*') {{ 'big' }} elseif ($total{0} -eq 0) {{ 'none' }} "
    "else {{ 'small' }}",
    "$h{0} = @{{ Name = 'web{0}'; Size = {0}; Tags = @('a', 'b', 'c'); Nested = @{{ Enabled = $true }} }}",
    "$h{0}.Size = $h{0}.Size + 1",
    "$list{0} = @(1, 2, 3, {0}) | ForEach-Object {{ $_ * 2 }} | Where-Object {{ $_ -gt 2 }}",
    "Get-AzureVMImage | ? Label -match 'Beta' | % {{ $_.ImageName }}",
    "$objs | Group-Object ImageFamily | Sort-Object Count -Descending | Select-Object -First 5 Name, Count",
    "$objs | Measure-Object -Sum LogicalSizeInGB -Maximum -Minimum",
    "$s{0} = 'abc{0}'.ToUpper().Substring(1) -replace 'B', 'x'",
    "switch ($s{0}) {{ 'XC{0}' {{ 'matched' }} default {{ 'other' }} }}",
    'function Get-Thing{0} {{ param([string]$Name, [int]$Count = {0}) "$Name x $Count" }}',
    "Get-Thing{0} -Name 'item' -Count 3",
    "$d{0} = [datetime]'2015-03-12' ; $d{0}.AddDays({0}).ToString('yyyy-MM-dd')",
    "while ($total{0} -gt 0) {{ $total{0} -= 50; if ($total{0} -lt 10) {{ break }} }}",
    "try {{ Get-AzureVMImage -ImageName 'missing{0}' -ErrorAction Stop }} catch {{ $_.Exception.Message }}",
    "$objs | Select-Object Label, @{{Name = 'Size'; Expression = {{ $_.LogicalSizeInGB * 1GB }}}}",
    '[pscustomobject]@{{ Id = {0}; Name = "obj{0}" }} | Format-List',
    "$arr{0} = 1..{0} ; $arr{0}[0], $arr{0}[-1] -join ','",
    "Write-Output ('{{0:N2}}' -f ({0} / 7))",
    '$null = Remove-AzureVMImage -ImageName "img{0}" -DeleteVHD -ErrorAction SilentlyContinue',
    "$vmImage = Get-AzureVMImage | where {{ (gm -InputObject $_ -Name DataDiskConfigurations) -ne $null }}",
    "# comment line {0}: the next statement continues over lines",
    "Get-AzureVMImage |\n    Where-Object {{ $_.PublishedDate -gt (Get-Date).AddYears(-1) }} |\n    Sort-Object Label",
]
INTERACTIVE_LINE = (
    "Get-AzureVMImage | ? ImageFamily -eq 'Windows Server 2012 R2 Datacenter' | "
    "sort PublishedDate -Desc | select -Expand ImageName -First 1"
)


def make_script(lines: int) -> str:
    """A `lines`-line script cycling through varied real statements (numbered so no two are equal)."""
    out: list[str] = []
    count, i = 0, 0
    while True:
        text = _STATEMENTS[i % len(_STATEMENTS)].replace("{0}", str(i)).replace("{{", "{").replace("}}", "}")
        n = text.count("\n") + 1
        if count + n > lines:
            break
        out.append(text)
        count += n
        i += 1
    out += [f"$pad = {k}" for k in range(lines - count)]
    return "\n".join(out)


def parse_cases(lines: int, runs: int) -> list[dict]:
    from pscompat.syntax.grammar import parse

    script = make_script(lines)
    parse(INTERACTIVE_LINE)  # grammar built once (cached by pscompat); the parse itself is not cached
    script_t = median_time(lambda: parse(script), runs)
    line_t = median_time(lambda: parse(INTERACTIVE_LINE), max(runs, 20))
    n_lines = script.count("\n") + 1
    return [
        row("parse: script", n_lines, script_t, None, script_t, "< 1 s", script_t < 1, unit="s"),
        row(
            "parse: interactive line",
            len(INTERACTIVE_LINE),
            line_t,
            None,
            line_t,
            "< 5 ms",
            line_t < 0.005,
            unit="s",
            note="size = characters",
        ),
    ]


# --- start-up ------------------------------------------------------------------------------------
def _proc_time(cmd: list[str], runs: int, env: dict | None = None) -> float | None:
    def once():
        r = subprocess.run(cmd, capture_output=True, text=True, cwd=tempfile.gettempdir(), env=env)
        if r.returncode != 0:
            raise RuntimeError(f"{cmd!r} exited {r.returncode}: {(r.stderr or r.stdout).strip()[-300:]}")

    try:
        once()
    except (RuntimeError, OSError) as exc:
        return exc
    return median_time(once, runs)


def _startup_env(workdir: str) -> dict:
    """Start-up as an installed pscompat has it: bytecode cached (pip compiles it at install; a
    machine that sets PYTHONDONTWRITEBYTECODE would recompile every module on every start), kept
    outside the source tree; pscompat's parse cache in a directory of this run."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = os.path.join(workdir, "pycache")
    env["PSCOMPAT_CACHE_DIR"] = os.path.join(workdir, "pscompat-cache")
    return env


def startup_cases(runs: int, installed: bool = True) -> list[dict]:
    """Start-up rows.  installed: from a normal (non-editable) install, as a user has it: the
    tree is built into a wheel and installed into a temporary venv (see install_wheel)."""
    with tempfile.TemporaryDirectory(prefix="pscompat-bench-") as workdir:
        bindir = Path(sys.executable).parent
        how = "this environment's pscompat"
        if installed:
            try:
                bindir = install_wheel(workdir)
                how = "a wheel of this tree installed into a temporary venv"
            except (subprocess.CalledProcessError, OSError) as exc:
                how = f"this environment's pscompat (building the wheel failed: {exc})"
        rows = _startup_cases(runs, _startup_env(workdir), bindir)
        for r in rows:
            r["note"] = f"{r['note']}; {how}" if r["note"] else how
        return rows


def install_wheel(workdir: str) -> Path:
    """A normal install of this tree, as `pip install .` gives a user: `pip wheel --no-deps
    --no-build-isolation` then `pip install --no-deps` of that wheel into a new venv, whose
    dependencies (pyparsing, tabulate, httpx, xonsh) come from this environment through a .pth
    line (pip compiles the installed modules' bytecode, as a user's install has it).  Returns
    the venv's bin directory."""
    root = Path(__file__).resolve().parent.parent
    dist, venv = Path(workdir) / "dist", Path(workdir) / "venv"
    quiet = {"check": True, "capture_output": True, "text": True}
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(dist), str(root)],
        **quiet,
    )  # type: ignore[call-overload]
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], **quiet)  # type: ignore[call-overload]
    vpy = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(vpy), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], **quiet
    ).stdout.strip()  # type: ignore[call-overload]
    import sysconfig

    # this environment's site-packages after the venv's own: its editable pscompat hook is a .pth
    # file, which a plain path line does not run, so the wheel's pscompat is the one imported
    Path(purelib, "zz_bench_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    wheel = next(dist.glob("pscompat-*.whl"))
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(vpy), "install", "-q", "--no-deps", "--no-index", str(wheel)],
        **quiet,
    )  # type: ignore[call-overload]
    check = subprocess.run([str(vpy), "-c", "import pscompat; print(pscompat.__file__)"], **quiet).stdout  # type: ignore[call-overload]
    if str(root) in check:
        raise OSError(f"the venv imports pscompat from the source tree ({check.strip()})")
    return venv / "bin"


def _startup_row(case: str, ps_t, py_t, note: str, goal: float) -> dict:
    if isinstance(ps_t, float) and isinstance(py_t, float):
        ratio = ps_t / py_t
        return row(case, 1, ps_t, py_t, ratio, f"ratio <= {goal:g}", ratio <= goal, note=note)
    return row(
        case,
        1,
        None,
        None,
        None,
        f"ratio <= {goal:g}",
        None,
        note=f"skipped: {ps_t if not isinstance(ps_t, float) else py_t}",
    )


_PARSER_COST = """
import time
import pscompat.shell.cli, pscompat.session, pscompat.format.out_default, pscompat.engine.compiler.statements  # loaded either way
t0 = time.perf_counter(); import pyparsing
t1 = time.perf_counter(); import pscompat.syntax.grammar as g
t2 = time.perf_counter(); g.grammar_root()
t3 = time.perf_counter(); print(t1 - t0, t2 - t1, t3 - t2)
"""


def _parser_cost(env: dict, python: str) -> str:
    """Where a new script's extra start-up goes, measured in a fresh process (median of 5)."""
    samples = []
    for _ in range(5):
        r = subprocess.run([python, "-c", _PARSER_COST], capture_output=True, text=True, env=env)
        if r.returncode != 0:
            return ""
        samples.append([float(x) for x in r.stdout.split()])
    pyparsing_s, modules_s, build_s = (sorted(col)[len(col) // 2] for col in zip(*samples))
    return (
        f"; of its time, importing pyparsing takes {pyparsing_s * 1000:.0f} ms, the grammar modules "
        f"{modules_s * 1000:.0f} ms and building the grammar {build_s * 1000:.0f} ms (a script that ran "
        "before skips all three)"
    )


def _startup_cases(runs: int, env: dict, bindir: Path) -> list[dict]:
    rows = []
    python = str(bindir / "python")
    ps_cmd = [str(bindir / "pscompat")] if (bindir / "pscompat").exists() else [python, "-m", "pscompat"]
    py_t = _proc_time([python, "-c", "pass"], runs, env)
    ps_t = _proc_time(ps_cmd + ["-c", "1"], runs, env)  # the first run parses; the timed ones load the tree
    rows.append(
        _startup_row(
            "start-up: pscompat -c '1'",
            ps_t,
            py_t,
            "vs python -c pass; the script has run before (its parse is cached on disk)",
            3,  # issue 15
        )
    )
    cold = dict(env, PSCOMPAT_CACHE_DIR="")  # no parse cache: a script never run before builds the parser
    ps_cold = _proc_time(ps_cmd + ["-c", "1"], runs, cold)
    parser_cost = _parser_cost(env, python)
    rows.append(
        _startup_row(
            "start-up: pscompat -c '1', new script",
            ps_cold,
            py_t,
            "vs python -c pass; parse cache off, so the parser is imported and built" + parser_cost,
            4,  # issue 6
        )
    )
    xonsh = Path(sys.executable).parent / "xonsh"
    if not xonsh.exists():
        rows.append(
            row(
                "start-up: xontrib load pscompat",
                1,
                None,
                None,
                None,
                "+ < 80 ms",
                None,
                note="skipped: xonsh is not installed in this environment",
            )
        )
        return rows
    with_t = _proc_time([str(xonsh), "--no-rc", "-c", "xontrib load pscompat"], runs, env)
    without_t = _proc_time([str(xonsh), "--no-rc", "-c", "pass"], runs, env)
    if isinstance(with_t, float) and isinstance(without_t, float):
        added = with_t - without_t
        rows.append(
            row(
                "start-up: xontrib load pscompat",
                1,
                with_t,
                without_t,
                added,
                "+ < 80 ms",
                added < 0.080,
                unit="s added",
                note="xonsh --no-rc -c 'xontrib load pscompat' vs -c 'pass'",
            )
        )
    else:
        rows.append(
            row(
                "start-up: xontrib load pscompat",
                1,
                None,
                None,
                None,
                "+ < 80 ms",
                None,
                note=f"skipped: {with_t if not isinstance(with_t, float) else without_t}",
            )
        )
    return rows
