#!/usr/bin/env python3
"""Writes malformed ONNX models into a folder, for the importer's bad-input tests.

Each model is broken in one way; bad-input.test names what the importer must
say about it. Run with Debian's /usr/bin/python3 (python3-onnx).
"""

import os
import sys

import numpy as np
from onnx import TensorProto, helper, numpy_helper


def model(nodes, inputs, outputs, initializers=(), opset=13):
    graph = helper.make_graph(nodes, "g", inputs, outputs, list(initializers))
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    m.ir_version = 8
    return m


def value(name, shape, elem=TensorProto.FLOAT):
    return helper.make_tensor_value_info(name, elem, shape)


def add_model(initializer):
    """Y = X + W with W the given initializer."""
    return model([helper.make_node("Add", ["X", "W"], ["Y"], name="add")],
                 [value("X", [2])], [value("Y", [2])], [initializer])


def write(folder, name, proto_or_bytes):
    data = proto_or_bytes if isinstance(proto_or_bytes, bytes) else proto_or_bytes.SerializeToString()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def external(name, location, offset=None, length=None):
    t = TensorProto()
    t.name = name
    t.data_type = TensorProto.FLOAT
    t.dims.append(2)
    t.data_location = TensorProto.EXTERNAL
    for key, val in (("location", location), ("offset", offset), ("length", length)):
        if val is not None:
            entry = t.external_data.add()
            entry.key, entry.value = key, str(val)
    return t


def main(folder):
    os.makedirs(folder, exist_ok=True)
    good = add_model(numpy_helper.from_array(np.array([1, 2], np.float32), "W"))
    good_bytes = good.SerializeToString()
    write(folder, "good.onnx", good)
    write(folder, "truncated.onnx", good_bytes[: len(good_bytes) // 2])
    write(folder, "wrong_magic.onnx", b"\x89PNG\r\n\x1a\n" + bytes(range(64)))
    write(folder, "empty.onnx", b"")

    raw = TensorProto(name="W", data_type=TensorProto.FLOAT, dims=[2])
    raw.raw_data = np.array([1, 2, 3], np.float32).tobytes()
    write(folder, "raw_data_mismatch.onnx", add_model(raw))

    typed = TensorProto(name="W", data_type=TensorProto.FLOAT, dims=[2])
    typed.float_data.extend([1.0])
    write(folder, "typed_data_mismatch.onnx", add_model(typed))

    negative = TensorProto(name="W", data_type=TensorProto.FLOAT, dims=[-3])
    write(folder, "negative_dim.onnx", add_model(negative))

    huge = TensorProto(name="W", data_type=TensorProto.FLOAT, dims=[1 << 31, 1 << 31, 1 << 31])
    huge.raw_data = b"\0" * 8
    write(folder, "huge_dims.onnx", add_model(huge))

    # External data: a valid file inside the folder, and ways out of it.
    with open(os.path.join(folder, "weights.bin"), "wb") as f:
        f.write(np.array([5, 6], np.float32).tobytes())
    outside = os.path.join(os.path.dirname(os.path.abspath(folder)), "outside.bin")
    with open(outside, "wb") as f:
        f.write(np.array([7, 8], np.float32).tobytes())
    link = os.path.join(folder, "link.bin")
    if os.path.lexists(link):
        os.remove(link)
    os.symlink(outside, link)
    write(folder, "external_ok.onnx", add_model(external("W", "weights.bin")))
    write(folder, "external_dotdot.onnx", add_model(external("W", "../outside.bin")))
    write(folder, "external_absolute.onnx", add_model(external("W", outside)))
    write(folder, "external_symlink.onnx", add_model(external("W", "link.bin")))
    write(folder, "external_range.onnx", add_model(external("W", "weights.bin", offset=4, length=8)))
    write(folder, "external_missing.onnx", add_model(external("W", "nothere.bin")))

    # Graph structure.
    unknown = model([helper.make_node("Frobnicate", ["X"], ["A"], name="f1"),
                     helper.make_node("Relu", ["A"], ["B"], name="r"),
                     helper.make_node("Frobnicate", ["B"], ["C"], name="f2"),
                     helper.make_node("Blend", ["C"], ["Y"], name="b", domain="com.example")],
                    [value("X", [2])], [value("Y", [2])])
    unknown.opset_import.append(helper.make_opsetid("com.example", 1))
    write(folder, "unknown_ops.onnx", unknown)
    write(folder, "cyclic.onnx", model(
        [helper.make_node("Relu", ["X2"], ["X1"], name="first"),
         helper.make_node("Relu", ["X1"], ["X2"], name="second"),
         helper.make_node("Relu", ["X"], ["Y"], name="out")],
        [value("X", [2])], [value("Y", [2])]))
    write(folder, "unsorted.onnx", model(
        [helper.make_node("Relu", ["A"], ["Y"], name="second"),
         helper.make_node("Relu", ["X"], ["A"], name="first")],
        [value("X", [2])], [value("Y", [2])]))
    write(folder, "missing_initializer.onnx", model(
        [helper.make_node("Add", ["X", "W"], ["Y"], name="add")],
        [value("X", [2])], [value("Y", [2])]))
    write(folder, "duplicate_output.onnx", model(
        [helper.make_node("Relu", ["X"], ["Y"], name="a"),
         helper.make_node("Relu", ["X"], ["Y"], name="b")],
        [value("X", [2])], [value("Y", [2])]))
    write(folder, "string_input.onnx", model(
        [helper.make_node("Identity", ["X"], ["Y"], name="id")],
        [value("X", [2], TensorProto.STRING)], [value("Y", [2], TensorProto.STRING)]))
    write(folder, "wrong_output_shape.onnx", model(
        [helper.make_node("Relu", ["X"], ["Y"], name="r")],
        [value("X", [2, 3])], [value("Y", [3, 2])]))
    stale = model([helper.make_node("Relu", ["X"], ["A"], name="r1"),
                   helper.make_node("Relu", ["A"], ["Y"], name="r2")],
                  [value("X", [2, 3])], [value("Y", [2, 3])])
    stale.graph.value_info.append(value("A", [3, 2]))
    write(folder, "stale_value_info.onnx", stale)
    no_graph = helper.make_model(helper.make_graph([], "g", [], []))
    no_graph.ClearField("graph")
    write(folder, "no_graph.onnx", no_graph)


if __name__ == "__main__":
    main(sys.argv[1])
