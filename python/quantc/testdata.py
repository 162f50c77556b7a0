"""ONNX test folders: which ops a model uses, and how to bind its inputs.

A test folder holds model.onnx and test_data_set*/ folders of
input_<i>.pb / output_<i>.pb TensorProto files, as ONNX's node tests and
the models in ../shared/models do. Needs the `onnx` module (Debian's
/usr/bin/python3 has python3-onnx).
"""

import os
import re
import subprocess

import onnx


def supported_ops(quant_translate):
    """{(domain, op): first opset} from the importer's registry."""
    table = subprocess.run([str(quant_translate), "--list-onnx-ops"],
                           capture_output=True, text=True, check=True).stdout
    ops = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not re.match(r"\d+\+", cells[2]):
            continue
        domain = "" if cells[0] == "ai.onnx" else cells[0]
        ops[(domain, cells[1])] = int(cells[2].split("+")[0])
    return ops


def op_types(model_path):
    """The op types of the model's nodes, in graph order, without repeats."""
    model = onnx.load(model_path, load_external_data=False)
    seen = []
    for node in model.graph.node:
        if node.op_type not in seen:
            seen.append(node.op_type)
    return seen


def uses_only(model_path, ops):
    """Whether every node of the model has a handler at the model's opset."""
    model = onnx.load(model_path, load_external_data=False)
    opsets = {(o.domain if o.domain != "ai.onnx" else ""): o.version
              for o in model.opset_import}
    for node in model.graph.node:
        domain = "" if node.domain in ("", "ai.onnx") else node.domain
        first = ops.get((domain, node.op_type))
        if first is None or first > opsets.get(domain, 0):
            return False
    return True


def data_sets(folder):
    """The test_data_set* folders of a test folder, sorted."""
    return sorted(os.path.join(folder, e) for e in os.listdir(folder)
                  if e.startswith("test_data_set") and
                  os.path.isdir(os.path.join(folder, e)))


GRAPH_INPUT = re.compile(r"is graph input '([^']+)', but QuantC needs a constant")


def import_flags(quant_translate, model_path, data_dir=None, timeout=600):
    """Importer flags a user would give for this model and its test data:
    symbolic input dimensions get the sizes of the data set (--input-shape),
    and graph inputs that an op needs constant (ONNX node tests pass a
    Reshape's shape or a scale as inputs) are bound to their values there
    (--input-value).

    Returns (flags, returncode, stderr) of the last import attempt."""
    model = onnx.load(model_path, load_external_data=False)
    initializers = {t.name for t in model.graph.initializer}
    inputs = [i.name for i in model.graph.input if i.name not in initializers]
    if data_dir is None:
        sets = data_sets(os.path.dirname(model_path))
        data_dir = sets[0] if sets else os.path.join(os.path.dirname(model_path),
                                                     "test_data_set_0")
    flags = []
    declared = {i.name: i for i in model.graph.input}
    for index, name in enumerate(inputs):
        dims = declared[name].type.tensor_type.shape.dim
        value = os.path.join(data_dir, f"input_{index}.pb")
        if any(not d.HasField("dim_value") or d.dim_value < 0 for d in dims) and \
                os.path.isfile(value):
            tensor = onnx.TensorProto()
            with open(value, "rb") as f:
                tensor.ParseFromString(f.read())
            flags.append(f"--input-shape={name}=" + "x".join(str(d) for d in tensor.dims))
    bound = {}
    while True:
        command = [str(quant_translate), "--import-onnx", model_path, "-o", os.devnull]
        command += flags + [f"--input-value={n}={f}" for n, f in bound.items()]
        result = subprocess.run(command, capture_output=True, text=True,
                                timeout=timeout, check=False)
        needed = [n for n in GRAPH_INPUT.findall(result.stderr) if n not in bound]
        if result.returncode == 0 or not needed or needed[0] not in inputs:
            return (flags + [f"--input-value={n}={f}" for n, f in bound.items()],
                    result.returncode, result.stderr)
        value = os.path.join(data_dir, f"input_{inputs.index(needed[0])}.pb")
        if not os.path.isfile(value):
            return flags, result.returncode, result.stderr
        bound[needed[0]] = value
