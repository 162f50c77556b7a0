#!/usr/bin/env python3
"""Imports every model in the given folders and checks the outcome.

A model folder holds model.onnx. A model must import, or fail with an
"unsupported" diagnostic and be listed as a known gap in docs/Importer.md
(a table row "| <name> | <reason> |" under "## Known gaps"). A gap that
imports now is an error too, so the list stays true.

ONNX node tests (--node-tests) whose ops are not all in the importer's table
(quant-translate --list-onnx-ops) are skipped: the requirement is that every
node test of a supported op imports.

Run with Debian's /usr/bin/python3, which has python3-onnx.
"""

import argparse
import concurrent.futures
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "..", "python"))
from quantc import testdata  # noqa: E402


def known_gaps(docs):
    """{name: reason} from the tables under "## Known gaps" in docs; a row's
    first cell may name several models or tests, separated by commas."""
    gaps, in_section = {}, False
    with open(docs, encoding="utf-8") as f:
        for line in f:
            if line.startswith("## "):
                in_section = line.strip() == "## Known gaps"
                continue
            if in_section and line.startswith("| ") and not line.startswith("| ---"):
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                if len(cells) >= 2 and cells[0] not in ("model", "node tests"):
                    for name in cells[0].split(","):
                        gaps[name.strip().strip("`")] = cells[1]
    return gaps


def import_model(tool, path):
    """Imports the model as a user would (see testdata.import_flags)."""
    _, code, stderr = testdata.import_flags(tool, path)
    return code, stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tool", required=True, help="quant-translate")
    parser.add_argument("--docs", required=True, help="docs/Importer.md")
    parser.add_argument("--models", action="append", default=[],
                        help="folder of model folders that must all import (repeatable)")
    parser.add_argument("--node-tests", action="append", default=[],
                        help="folder of ONNX node tests (repeatable)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    ops = testdata.supported_ops(args.tool)
    gaps = known_gaps(args.docs)
    work = []  # (kind, name, path)
    skipped = 0
    for folder in args.models:
        for entry in sorted(os.listdir(folder)):
            path = os.path.join(folder, entry, "model.onnx")
            if os.path.isfile(path):
                work.append(("model", f"{os.path.basename(folder)}/{entry}", path))
    for folder in args.node_tests:
        for entry in sorted(os.listdir(folder)):
            path = os.path.join(folder, entry, "model.onnx")
            if not os.path.isfile(path):
                continue
            if testdata.uses_only(path, ops):
                work.append(("node test", entry, path))
            else:
                skipped += 1

    failures, imported, listed = [], 0, 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = pool.map(lambda item: (item, import_model(args.tool, item[2])), work)
        for (kind, name, _), (code, stderr) in results:
            if code == 0:
                if name in gaps:
                    failures.append(f"{kind} {name}: imports, but docs/Importer.md lists it as a gap")
                else:
                    imported += 1
                continue
            errors = [l for l in stderr.splitlines() if ": error: " in l]
            if name not in gaps:
                failures.append(f"{kind} {name}: does not import:\n    " + "\n    ".join(errors[:5]))
            elif not any("unsupported" in l for l in errors):
                failures.append(f"{kind} {name}: a listed gap, but fails without an "
                                f"'unsupported' diagnostic:\n    " + "\n    ".join(errors[:5]))
            else:
                listed += 1

    for failure in failures:
        print("FAIL:", failure)
    print(f"{imported} imported, {listed} known gaps, {len(failures)} failed, "
          f"{skipped} node tests skipped (ops QuantC does not import)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
