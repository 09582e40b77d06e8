"""Result files as Pester 5 writes them: NUnit 2.5 (src/functions/TestResults.NUnit25.ps1) and
JUnit 4 (TestResults.JUnit4.ps1)."""

from __future__ import annotations

import datetime as _dt
import os
import platform
import xml.etree.ElementTree as ET

from pscompat.cmdlets.pester.model import Block, Test


def _seconds(value) -> str:
    return f"{value:.3f}"


def _nunit_test(parent: ET.Element, test: Test) -> None:
    executed = test.result in ("Passed", "Failed")
    result = {"Passed": "Success", "Failed": "Failure", "Skipped": "Ignored", "Inconclusive": "Inconclusive"}.get(
        test.result, "Ignored"
    )
    case = ET.SubElement(
        parent,
        "test-case",
        description=test.name,
        name=test.expanded_path,
        time=_seconds(test.duration),
        asserts="0",
        success=str(test.result == "Passed"),
        result=result,
        executed=str(executed),
    )
    if test.result == "Failed" and test.failure is not None:
        failure = ET.SubElement(case, "failure")
        ET.SubElement(failure, "message").text = test.failure.display
        ET.SubElement(failure, "stack-trace").text = "\n".join(test.failure.trace_lines())
    elif test.result in ("Skipped", "Inconclusive"):
        reason = ET.SubElement(case, "reason")
        ET.SubElement(reason, "message").text = test.skip_reason


def _nunit_block(parent: ET.Element, block: Block) -> None:
    tests = block.tests()
    failed = any(t.result == "Failed" for t in tests)
    suite = ET.SubElement(
        parent,
        "test-suite",
        type="TestFixture",
        name=".".join(block.path) or block.name,
        executed="True",
        result="Failure" if failed else "Success",
        success=str(not failed),
        time=_seconds(block.duration),
        asserts="0",
        description=block.name,
    )
    results = ET.SubElement(suite, "results")
    for child in block.children:
        if isinstance(child, Test):
            _nunit_test(results, child)
        else:
            _nunit_block(results, child)


def nunit25(run) -> ET.Element:
    now = _dt.datetime.now()
    tests = [t for c in run._containers for t in c.root.tests()]
    root = ET.Element(
        "test-results",
        {
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
            "xsi:noNamespaceSchemaLocation": "nunit_schema_2.5.xsd",
            "name": "Pester",
            "total": str(len(tests)),
            "errors": "0",
            "failures": str(run.FailedCount),
            "not-run": str(run.NotRunCount),
            "inconclusive": str(run.InconclusiveCount),
            "ignored": str(run.SkippedCount),
            "skipped": "0",
            "invalid": "0",
            "date": now.strftime("%Y-%m-%d"),
            "time": now.strftime("%H:%M:%S"),
        },
    )
    ET.SubElement(
        root,
        "environment",
        {
            "platform": platform.system(),
            "os-version": platform.release(),
            "machine-name": platform.node(),
            "cwd": os.getcwd(),
            "user": os.environ.get("USER", ""),
            "user-domain": "",
            "nunit-version": "2.5.8.0",
            "clr-version": "Unknown",
        },
    )
    ET.SubElement(root, "culture-info", {"current-culture": "en-US", "current-uiculture": "en-US"})
    failed = run.FailedCount > 0
    top = ET.SubElement(
        root,
        "test-suite",
        type="TestFixture",
        name="Pester",
        executed="True",
        result="Failure" if failed else "Success",
        success=str(not failed),
        time=_seconds(run.Duration.total_seconds()),
        asserts="0",
        description="Pester",
    )
    results = ET.SubElement(top, "results")
    for container in run._containers:
        ctests = container.root.tests()
        cfailed = any(t.result == "Failed" for t in ctests) or container.failure is not None
        suite = ET.SubElement(
            results,
            "test-suite",
            type="TestFixture",
            name=container.path,
            executed="True",
            result="Failure" if cfailed else "Success",
            success=str(not cfailed),
            time=_seconds(container.duration),
            asserts="0",
            description=container.path,
        )
        inner = ET.SubElement(suite, "results")
        for child in container.root.children:
            if isinstance(child, Test):
                _nunit_test(inner, child)
            else:
                _nunit_block(inner, child)
    return root


def junit4(run) -> ET.Element:
    tests = [t for c in run._containers for t in c.root.tests()]
    root = ET.Element(
        "testsuites",
        name="Pester",
        tests=str(len(tests)),
        errors="0",
        failures=str(run.FailedCount),
        disabled=str(run.SkippedCount + run.NotRunCount),
        time=_seconds(run.Duration.total_seconds()),
    )
    for i, container in enumerate(run._containers):
        ctests = container.root.tests()
        suite = ET.SubElement(
            root,
            "testsuite",
            name=container.path,
            tests=str(len(ctests)),
            errors="1" if container.failure is not None else "0",
            failures=str(sum(t.result == "Failed" for t in ctests)),
            hostname=platform.node(),
            id=str(i),
            skipped=str(sum(t.result in ("Skipped", "Inconclusive") for t in ctests)),
            disabled=str(sum(t.result == "NotRun" for t in ctests)),
            package=container.path,
            time=_seconds(container.duration),
        )
        for test in ctests:
            case = ET.SubElement(
                suite,
                "testcase",
                name=test.expanded_path,
                status=test.result,
                classname=container.path,
                assertions="0",
                time=_seconds(test.duration),
            )
            if test.result == "Failed" and test.failure is not None:
                f = ET.SubElement(case, "failure", message=test.failure.display)
                f.text = "\n".join(test.failure.trace_lines())
            elif test.result in ("Skipped", "Inconclusive", "NotRun"):
                ET.SubElement(case, "skipped", message=test.skip_reason)
    return root


def write_result_file(run, path: str, output_format: str) -> None:
    fmt = output_format.lower()
    root = junit4(run) if fmt.startswith("junit") else nunit25(run)
    ET.indent(root)
    data = ET.tostring(root, encoding="unicode", xml_declaration=False)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="utf-8" standalone="no"?>\n' + data + "\n")
