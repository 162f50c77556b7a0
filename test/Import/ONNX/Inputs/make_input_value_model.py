#!/usr/bin/env python3
"""Writes reshape.onnx (Reshape whose shape is a graph input) and tensor
files for it, for input-value.test. Run with /usr/bin/python3."""

import os
import sys

import numpy as np
from onnx import TensorProto, helper, numpy_helper

folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
graph = helper.make_graph(
    [helper.make_node("Reshape", ["data", "shape"], ["out"], name="reshape")], "g",
    [helper.make_tensor_value_info("data", TensorProto.FLOAT, [2, 3, 4]),
     helper.make_tensor_value_info("shape", TensorProto.INT64, [3])],
    [helper.make_tensor_value_info("out", TensorProto.FLOAT, None)])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)])
with open(os.path.join(folder, "reshape.onnx"), "wb") as f:
    f.write(model.SerializeToString())
for name, array in (("shape.pb", np.array([4, -1, 2], np.int64)),
                    ("float_shape.pb", np.array([4.0, 3.0, 2.0], np.float32))):
    with open(os.path.join(folder, name), "wb") as f:
        f.write(numpy_helper.from_array(array).SerializeToString())
with open(os.path.join(folder, "garbage.pb"), "wb") as f:
    f.write(b"\xff\xff\xff\xff")
