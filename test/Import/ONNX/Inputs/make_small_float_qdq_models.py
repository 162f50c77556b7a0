#!/usr/bin/env python3
"""Writes QuantizeLinear/DequantizeLinear models with float8 and FLOAT4E2M1
data for small-float-qdq.test. The ONNX text format has no names for these
types, so the models are built here. Run with /usr/bin/python3."""

import os
import sys

from onnx import TensorProto, helper

FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2, FLOAT4E2M1 = 17, 18, 19, 23
FLOAT = TensorProto.FLOAT


def tensor(name, data_type, dims, floats=None, int32s=None):
    t = TensorProto()
    t.name, t.data_type = name, data_type
    t.dims.extend(dims)
    if floats is not None:
        t.float_data.extend(floats)
    else:
        t.int32_data.extend(int32s)
    return t


def save(folder, name, opset, nodes, inputs, outputs, initializers=()):
    info = helper.make_tensor_value_info
    graph = helper.make_graph(nodes, name, [info(*i) for i in inputs],
                              [info(*o) for o in outputs],
                              initializer=list(initializers))
    model = helper.make_model(graph,
                              opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = 10
    with open(os.path.join(folder, name + ".onnx"), "wb") as f:
        f.write(model.SerializeToString())


folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
node = helper.make_node
s = tensor("s", FLOAT, [], floats=[2.0])

# Per tensor, a float8 zero point, saturate = 0.
save(folder, "q_e4m3fn", 21,
     [node("QuantizeLinear", ["X", "s", "zp"], ["Y"], saturate=0)],
     [("X", FLOAT, [2, 3])], [("Y", FLOAT8E4M3FN, [2, 3])],
     [s, tensor("zp", FLOAT8E4M3FN, [], int32s=[0])])
# Per axis, the type from output_dtype.
save(folder, "q_f4_axis", 23,
     [node("QuantizeLinear", ["X", "s3"], ["Y"], axis=1,
           output_dtype=FLOAT4E2M1)],
     [("X", FLOAT, [2, 3])], [("Y", FLOAT4E2M1, [2, 3])],
     [tensor("s3", FLOAT, [3], floats=[1.0, 2.0, 4.0])])
# Run-time data and scale.
save(folder, "dq_e5m2", 21,
     [node("DequantizeLinear", ["X", "S"], ["Y"])],
     [("X", FLOAT8E5M2, [4]), ("S", FLOAT, [])], [("Y", FLOAT, [4])])
# Blocked, with zero points.
save(folder, "dq_blocked", 21,
     [node("DequantizeLinear", ["X", "sb", "zb"], ["Y"], axis=1,
           block_size=2)],
     [("X", FLOAT8E4M3FNUZ, [2, 4])], [("Y", FLOAT, [2, 4])],
     [tensor("sb", FLOAT, [2, 2], floats=[1.0, 2.0, 3.0, 4.0]),
      tensor("zb", FLOAT8E4M3FNUZ, [2, 2], int32s=[0, 0x40, 0, 0])])
# Errors: mismatched zero point types.
save(folder, "dq_zp_mismatch", 21,
     [node("DequantizeLinear", ["X", "s", "zp"], ["Y"])],
     [("X", FLOAT8E4M3FN, [4])], [("Y", FLOAT, [4])],
     [s, tensor("zp", FLOAT8E5M2, [], int32s=[0])])
save(folder, "q_dtype_mismatch", 21,
     [node("QuantizeLinear", ["X", "s", "zp"], ["Y"],
           output_dtype=FLOAT8E5M2)],
     [("X", FLOAT, [4])], [("Y", FLOAT8E5M2, [4])],
     [s, tensor("zp", FLOAT8E4M3FN, [], int32s=[0])])
