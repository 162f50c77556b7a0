"""Writes a small float CNN (Conv, Relu, MaxPool, Gemm, Softmax) with seeded
weights, one input tensor, and its output computed independently with numpy
loops, as an ONNX test folder: <out>/model.onnx, <out>/data/{input,output}_0.pb.

usage: tiny_model.py OUT_DIR
"""

import os
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto


def conv2d(x, w, b, pad):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    oh, ow = h + 2 * pad - kh + 1, wd + 2 * pad - kw + 1
    y = np.zeros((n, f, oh, ow), np.float64)
    for i in range(oh):
        for j in range(ow):
            patch = xp[:, :, i:i + kh, j:j + kw].astype(np.float64)
            y[:, :, i, j] = np.tensordot(patch, w.astype(np.float64), axes=([1, 2, 3], [1, 2, 3]))
    return y + b.reshape(1, f, 1, 1)


def main():
    out = sys.argv[1]
    rng = np.random.default_rng(7)
    x = rng.standard_normal((1, 3, 8, 8)).astype(np.float32)
    w = (rng.standard_normal((4, 3, 3, 3)) * 0.5).astype(np.float32)
    b = rng.standard_normal(4).astype(np.float32)
    fc = (rng.standard_normal((10, 64)) * 0.3).astype(np.float32)
    fcb = rng.standard_normal(10).astype(np.float32)

    y = np.maximum(conv2d(x, w, b, 1), 0)
    y = y.reshape(1, 4, 4, 2, 4, 2).max(axis=(3, 5))  # MaxPool 2x2 stride 2
    logits = y.reshape(1, 64) @ fc.T.astype(np.float64) + fcb
    e = np.exp(logits - logits.max())
    probs = (e / e.sum()).astype(np.float32)

    nodes = [
        helper.make_node("Conv", ["x", "w", "b"], ["c"], pads=[1, 1, 1, 1], name="conv"),
        helper.make_node("Relu", ["c"], ["r"], name="relu"),
        helper.make_node("MaxPool", ["r"], ["p"], kernel_shape=[2, 2], strides=[2, 2], name="pool"),
        helper.make_node("Flatten", ["p"], ["f"], name="flatten"),
        helper.make_node("Gemm", ["f", "fc", "fcb"], ["g"], transB=1, name="fc"),
        helper.make_node("Softmax", ["g"], ["y"], axis=1, name="softmax"),
    ]
    graph = helper.make_graph(
        nodes, "tiny",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 8, 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 10])],
        [numpy_helper.from_array(a, n) for a, n in
         [(w, "w"), (b, "b"), (fc, "fc"), (fcb, "fcb")]])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    os.makedirs(os.path.join(out, "data"), exist_ok=True)
    onnx.save(model, os.path.join(out, "model.onnx"))
    for name, array, tensor in [("input_0", x, "x"), ("output_0", probs, "y")]:
        with open(os.path.join(out, "data", name + ".pb"), "wb") as f:
            f.write(numpy_helper.from_array(array, tensor).SerializeToString())


if __name__ == "__main__":
    main()
