#!/usr/bin/env python3
"""Compiles and runs ONNX test cases on every target and compares outputs.

For each ONNX node test (--node-tests, a folder of test_* folders) whose ops
the importer supports, and each model folder (--models), every data set is
run through `quantc run` on each target (--targets: host natively, other
Linux triples under qemu-user) and compared with its expected outputs:
floats within --rtol/--atol, integers exactly.

Known failures live in a gaps file (--gaps): lines "name targets: reason",
targets being "*" or a comma list. A failure not listed makes the run fail,
as does a pass rate under --min-pass-rate on any target; a listed case that
passes is reported, so the list can shrink. A tolerances file
(--tolerances: lines "name rtol atol: reason") compares named cases with
other float tolerances, e.g. where the expected data itself is rounded.
Node-test folders given later skip tests an earlier one has (another ONNX
release's copy). --write-doc writes the report (docs/Conformance.md).

Run with Debian's /usr/bin/python3, which has python3-onnx.
"""

import argparse
import collections
import concurrent.futures
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "python"))
from quantc import testdata  # noqa: E402

TARGET_NAMES = {"host": "x86-64 (native)", "x86_64-linux-gnu": "x86-64",
                "aarch64-linux-gnu": "AArch64 (qemu)",
                "riscv64-linux-gnu": "RISC-V (qemu)",
                "riscv64-linux-gnu:+v": "RISC-V + V (qemu, VLEN 128)"}


def read_listing(path, pattern, form):
    """[(match, ...)] of the lines of a listing file: "#" comments and blank
    lines skipped, every other line matching `pattern` (else exit, naming
    the expected `form`)."""
    entries = []
    if not path or not os.path.isfile(path):
        return entries
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            match = re.match(pattern, line)
            if not match:
                sys.exit(f"{path}:{number}: expected '{form}'")
            entries.append(match.groups())
    return entries


def read_gaps(path):
    """{(name, target or '*'): reason}."""
    return {(name, target): reason
            for name, targets, reason in read_listing(
                path, r"(\S+)\s+(\S+):\s*(.+)", "name targets: reason")
            for target in targets.split(",")}


def read_tolerances(path):
    """{name: (rtol, atol, reason)} from lines "name rtol atol: reason"."""
    return {name: (float(rtol), float(atol), reason)
            for name, rtol, atol, reason in read_listing(
                path, r"(\S+)\s+(\S+)\s+(\S+):\s*(.+)",
                "name rtol atol: reason")}


def gap_reason(gaps, name, target):
    return gaps.get((name, target)) or gaps.get((name, "*"))


def first_error(text):
    for line in text.splitlines():
        if "error:" in line or "MISMATCH" in line:
            return line.strip()[:300]
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1].strip()[:300] if lines else "failed"


def run_case(args, case, target):
    """Returns (passed, message)."""
    name, model, data, flags = case
    triple, _, features = target.partition(":")
    rtol, atol, _ = args.tolerances.get(name.split("/")[0],
                                        (args.rtol, args.atol, None))
    command = [args.quantc, "run", model, "--inputs", data, "--expect", data,
               f"--target={triple}", f"--rtol={rtol}", f"--atol={atol}"]
    if features:
        command.append(f"--features={features}")
    command += flags
    try:
        result = subprocess.run(command, capture_output=True, text=True,
                                timeout=args.timeout, check=False)
    except subprocess.TimeoutExpired:
        return False, f"timed out after {args.timeout} s"
    if result.returncode == 0:
        return True, ""
    return False, first_error(result.stderr + "\n" + result.stdout)


def collect(args, ops):
    """[(name, group, model, data dir, flags)] for every case to run."""
    cases, skipped = [], 0
    folders = []
    seen = set()
    for root in args.node_tests:
        # A test an earlier folder already has (another ONNX release's copy)
        # runs once, from the first folder.
        for entry in sorted(os.listdir(root)):
            if entry not in seen:
                seen.add(entry)
                folders.append((entry, os.path.join(root, entry), True))
    for root in args.models:
        for entry in sorted(os.listdir(root)):
            folders.append((entry, os.path.join(root, entry), False))
    pattern = re.compile(args.filter) if args.filter else None
    for name, folder, is_node_test in folders:
        model = os.path.join(folder, "model.onnx")
        if not os.path.isfile(model) or (pattern and not pattern.search(name)):
            continue
        if is_node_test and not testdata.uses_only(model, ops):
            skipped += 1
            continue
        sets = testdata.data_sets(folder)
        if not sets:
            continue
        types = testdata.op_types(model)
        group = types[0] if len(types) == 1 else (
            name if not is_node_test else "+".join(types[:3]))
        for index, data in enumerate(sets):
            case_name = name if index == 0 else f"{name}/{os.path.basename(data)}"
            cases.append((case_name, group, model, data))
    return cases, skipped


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quantc", required=True)
    parser.add_argument("--quant-translate", required=True)
    parser.add_argument("--node-tests", action="append", default=[])
    parser.add_argument("--models", action="append", default=[])
    parser.add_argument("--targets", default="host,aarch64-linux-gnu,riscv64-linux-gnu:+v",
                        help="comma-separated triple[:features] list")
    parser.add_argument("--gaps", help="known failures with reasons")
    parser.add_argument("--tolerances",
                        help="per-test float tolerances with reasons")
    parser.add_argument("--filter", help="regex on case names")
    parser.add_argument("--rtol", type=float, default=1e-4)
    parser.add_argument("--atol", type=float, default=1e-5)
    parser.add_argument("--min-pass-rate", type=float, default=0.95)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--timeout", type=int, default=900)
    parser.add_argument("--write-doc", help="write the Markdown report here")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    start = time.time()
    ops = testdata.supported_ops(args.quant_translate)
    gaps = read_gaps(args.gaps)
    args.tolerances = read_tolerances(args.tolerances)
    targets = [t for t in args.targets.split(",") if t]
    cases, skipped = collect(args, ops)

    # Importer flags once per case (they do not depend on the target).
    def flags_of(case):
        name, group, model, data = case
        flags, _, _ = testdata.import_flags(args.quant_translate, model, data)
        return (name, group, model, data, flags)

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        cases = list(pool.map(flags_of, cases))
        work = [(case, target) for case in cases for target in targets]
        outcomes = list(pool.map(
            lambda item: run_case(args, (item[0][0], item[0][2], item[0][3], item[0][4]),
                                  item[1]), work))

    results = {}  # (name, target) -> (passed, message)
    problems = []
    stale = []  # listed gaps that pass now
    for (case, target), (passed, message) in zip(work, outcomes):
        name = case[0]
        results[(name, target)] = (passed, message)
        reason = gap_reason(gaps, name, target)
        if passed and reason:
            stale.append(f"{name} [{target}]")
        elif not passed and not reason:
            problems.append(f"{name} [{target}]: {message}")
        if args.verbose:
            print(f"{'PASS' if passed else 'FAIL'} {name} [{target}] {message}")

    summary = []
    rate_ok = True
    for target in targets:
        total = len(cases)
        passed = sum(results[(c[0], target)][0] for c in cases)
        rate = passed / total if total else 1.0
        rate_ok &= rate >= args.min_pass_rate
        summary.append((target, passed, total, rate))
        print(f"{target}: {passed}/{total} passed ({100 * rate:.1f}%)")
    for problem in problems:
        print("FAIL:", problem)
    for case in stale:
        print(f"NOTE: {case} passes now; remove it from the gaps file")
    print(f"{len(cases)} cases x {len(targets)} targets in {time.time() - start:.0f} s; "
          f"{skipped} node tests skipped (ops QuantC does not import); "
          f"{len(problems)} unexpected results")

    if args.write_doc:
        write_doc(args, cases, targets, results, gaps, summary, skipped)
    if not rate_ok:
        print(f"FAIL: pass rate under {100 * args.min_pass_rate:.0f}% on a target")
    return 0 if rate_ok and not problems else 1


def describe_folder(folder):
    """`folder` as the report names it: ../shared/... for the shared models."""
    parts = os.path.abspath(folder).split(os.sep)
    if "shared" in parts:
        return "../" + "/".join(parts[parts.index("shared"):])
    return folder


def write_doc(args, cases, targets, results, gaps, summary, skipped):
    by_group = collections.OrderedDict()
    for case in sorted(cases, key=lambda c: c[1].lower()):
        by_group.setdefault(case[1], []).append(case[0])
    lines = [
        "# Conformance",
        "",
        "<!-- Generated by test/E2E/run_conformance.py --write-doc; do not edit. -->",
        "",
        "Every ONNX node test whose ops the importer supports, and every model",
        "with test vectors, compiled with `quantc run` for each target and run",
        "(natively on x86-64, under qemu-user on AArch64 and RISC-V), compared",
        f"with the expected outputs: floats within rtol {args.rtol:g} and atol",
        f"{args.atol:g}, integers exactly. {skipped} node tests use ops QuantC does",
        "not import and are not counted.",
    ]
    if args.node_tests:
        lines += ["", "Node-test folders, in order (a test an earlier folder has is "
                  "not run again):", ""]
        lines += [f"- `{describe_folder(folder)}`" for folder in args.node_tests]
    if args.tolerances:
        lines += ["", "Cases compared with other tolerances:", ""]
        for name, (rtol, atol, reason) in sorted(args.tolerances.items()):
            lines.append(f"- {name}: rtol {rtol:g}, atol {atol:g}: {reason}")
    lines += [
        "",
        "| target | passed | total | rate |",
        "| --- | --- | --- | --- |",
    ]
    for target, passed, total, rate in summary:
        lines.append(f"| {TARGET_NAMES.get(target, target)} | {passed} | {total} | "
                     f"{100 * rate:.1f}% |")
    lines += ["", "## Per op", "",
              "| op | cases | " + " | ".join(TARGET_NAMES.get(t, t) for t in targets) + " |",
              "| --- | --- |" + " --- |" * len(targets)]
    for group, names in by_group.items():
        cells = []
        for target in targets:
            passed = sum(results[(n, target)][0] for n in names)
            cells.append(f"{passed}/{len(names)}")
        lines.append(f"| {group} | {len(names)} | " + " | ".join(cells) + " |")
    failures = [(name, target) for (name, target), (ok, _) in sorted(results.items())
                if not ok]
    lines += ["", "## Failures", ""]
    if not failures:
        lines.append("None.")
    else:
        lines += ["| case | target | reason |", "| --- | --- | --- |"]
        for name, target in failures:
            reason = gap_reason(gaps, name, target) or results[(name, target)][1]
            lines.append(f"| {name} | {TARGET_NAMES.get(target, target)} | "
                         f"{reason.replace('|', '/')} |")
    with open(args.write_doc, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
