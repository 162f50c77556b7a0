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
import re
import subprocess
import sys

import onnx


def supported_ops(tool):
    """{(domain, op): first opset} from the importer's registry."""
    table = subprocess.run([tool, "--list-onnx-ops"], capture_output=True, text=True,
                           check=True).stdout
    ops = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not re.match(r"\d+\+", cells[2]):
            continue
        domain = "" if cells[0] == "ai.onnx" else cells[0]
        ops[(domain, cells[1])] = int(cells[2].split("+")[0])
    return ops


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


def uses_only(model_path, ops):
    """Whether every node of the model has a handler at the model's opset."""
    model = onnx.load(model_path, load_external_data=False)
    opsets = {(o.domain if o.domain != "ai.onnx" else ""): o.version for o in model.opset_import}
    for node in model.graph.node:
        domain = "" if node.domain in ("", "ai.onnx") else node.domain
        first = ops.get((domain, node.op_type))
        if first is None or first > opsets.get(domain, 0):
            return False
    return True


GRAPH_INPUT = re.compile(r"is graph input '([^']+)', but QuantC needs a constant")


def import_model(tool, path):
    """Imports the model as a user would: symbolic input dimensions get the
    sizes of its first test data set (--input-shape), and graph inputs that an op
    needs constant (ONNX node tests pass a Reshape's shape or a scale as
    inputs) are bound to their values there (--input-value)."""
    model = onnx.load(path, load_external_data=False)
    initializers = {t.name for t in model.graph.initializer}
    inputs = [i.name for i in model.graph.input if i.name not in initializers]
    folder = os.path.dirname(path)
    sets = sorted(e for e in os.listdir(folder) if e.startswith("test_data_set"))
    data = os.path.join(folder, sets[0] if sets else "test_data_set_0")
    # Symbolic input dimensions take the sizes of the model's own test data.
    shapes = []
    declared = {i.name: i for i in model.graph.input}
    for index, name in enumerate(inputs):
        dims = declared[name].type.tensor_type.shape.dim
        value = os.path.join(data, f"input_{index}.pb")
        if any(not d.HasField("dim_value") or d.dim_value < 0 for d in dims) and \
                os.path.isfile(value):
            tensor = onnx.TensorProto()
            with open(value, "rb") as f:
                tensor.ParseFromString(f.read())
            shapes.append(f"--input-shape={name}=" + "x".join(str(d) for d in tensor.dims))
    bound = {}
    while True:
        command = [tool, "--import-onnx", path, "-o", os.devnull] + shapes
        command += [f"--input-value={name}={file}" for name, file in bound.items()]
        result = subprocess.run(command, capture_output=True, text=True, timeout=600,
                                check=False)
        needed = [n for n in GRAPH_INPUT.findall(result.stderr) if n not in bound]
        if result.returncode == 0 or not needed or needed[0] not in inputs:
            return result.returncode, result.stderr
        value = os.path.join(data, f"input_{inputs.index(needed[0])}.pb")
        if not os.path.isfile(value):
            return result.returncode, result.stderr
        bound[needed[0]] = value


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

    ops = supported_ops(args.tool)
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
            if uses_only(path, ops):
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
