"""A small float CNN (Conv, Relu, MaxPool, Flatten, Gemm) with seeded weights
and six seeded samples laid out in every way `quantc calibrate --data` reads
them, plus a checker of the statistics it writes against numpy.

usage: calibration_model.py write OUT_DIR
       calibration_model.py check OUT_DIR stats.json

OUT_DIR/model.onnx and, each holding the same six samples:
  sets/test_data_set_<k>/input_0.pb   ONNX test sets
  reversed/set_<5-k>/input_0.pb       the same sets, listed in reverse
  flat/sample_<k>.pb                  one TensorProto file per sample
  npy/a_batch.npy, npy/b_single.npy, npy/c_single.npy
                                      samples 0-3 as one [4,2,6,6] batch,
                                      sample 4 as [1,2,6,6], 5 as [2,6,6]
"""

import json
import os
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto

SAMPLES = 6


def weights():
    rng = np.random.default_rng(11)
    w = (rng.standard_normal((4, 2, 3, 3)) * 0.5).astype(np.float32)
    b = rng.standard_normal(4).astype(np.float32)
    fc = (rng.standard_normal((5, 36)) * 0.3).astype(np.float32)
    fcb = rng.standard_normal(5).astype(np.float32)
    return w, b, fc, fcb


def samples():
    rng = np.random.default_rng(5)
    return [(rng.standard_normal((1, 2, 6, 6)) * 2).astype(np.float32)
            for _ in range(SAMPLES)]


def forward(x, w, b, fc, fcb):
    """Every tensor of the model, by ONNX name, in float64."""
    xp = np.pad(x.astype(np.float64), ((0, 0), (0, 0), (1, 1), (1, 1)))
    conv = np.zeros((1, 4, 6, 6))
    for i in range(6):
        for j in range(6):
            conv[:, :, i, j] = np.tensordot(xp[:, :, i:i + 3, j:j + 3], w,
                                            axes=([1, 2, 3], [1, 2, 3]))
    conv += b.reshape(1, 4, 1, 1)
    relu = np.maximum(conv, 0)
    pool = relu.reshape(1, 4, 3, 2, 3, 2).max(axis=(3, 5))
    flat = pool.reshape(1, 36)
    y = flat @ fc.T + fcb
    return {"x": x, "conv": conv, "relu": relu, "pool": pool, "flat": flat,
            "y": y}


def write(out):
    w, b, fc, fcb = weights()
    nodes = [
        helper.make_node("Conv", ["x", "w", "b"], ["conv"], pads=[1, 1, 1, 1]),
        helper.make_node("Relu", ["conv"], ["relu"]),
        helper.make_node("MaxPool", ["relu"], ["pool"], kernel_shape=[2, 2],
                         strides=[2, 2]),
        helper.make_node("Flatten", ["pool"], ["flat"]),
        helper.make_node("Gemm", ["flat", "fc", "fcb"], ["y"], transB=1),
    ]
    graph = helper.make_graph(
        nodes, "calibration",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2, 6, 6])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 5])],
        [numpy_helper.from_array(w, "w"), numpy_helper.from_array(b, "b"),
         numpy_helper.from_array(fc, "fc"),
         numpy_helper.from_array(fcb, "fcb")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.save(model, os.path.join(out, "model.onnx"))

    def save_pb(path, array):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(numpy_helper.from_array(array, "x").SerializeToString())

    xs = samples()
    for k, x in enumerate(xs):
        save_pb(os.path.join(out, "sets", f"test_data_set_{k}", "input_0.pb"), x)
        save_pb(os.path.join(out, "reversed", f"set_{SAMPLES - 1 - k}",
                             "input_0.pb"), x)
        save_pb(os.path.join(out, "flat", f"sample_{k}.pb"), x)
    os.makedirs(os.path.join(out, "npy"), exist_ok=True)
    np.save(os.path.join(out, "npy", "a_batch.npy"), np.concatenate(xs[:4]))
    np.save(os.path.join(out, "npy", "b_single.npy"), xs[4])
    # float64 and without the batch dimension: converted and matched by size.
    np.save(os.path.join(out, "npy", "c_single.npy"), xs[5][0].astype(np.float64))


def check(out, stats_path):
    with open(stats_path) as f:
        stats = json.load(f)
    w, b, fc, fcb = weights()
    seen = {}
    for x in samples():
        for name, value in forward(x, w, b, fc, fcb).items():
            seen.setdefault(name, []).append(value.ravel())
    assert stats["samples"] == SAMPLES, stats["samples"]
    tensors = stats["tensors"]
    assert sorted(tensors) == sorted(seen), sorted(tensors)
    for name, values in seen.items():
        values = np.concatenate(values)
        t = tensors[name]
        assert np.isclose(t["min"], values.min(), rtol=1e-5, atol=1e-5), name
        assert np.isclose(t["max"], values.max(), rtol=1e-5, atol=1e-5), name
        assert t["count"] == values.size, name
        hist = t["histogram"]
        counts = np.array(hist["counts"])
        assert counts.sum() == values.size, name
        assert hist["lo"] == min(t["min"], 0) and hist["hi"] == max(t["max"], 0)
        # The histogram agrees with numpy's up to values on bin edges.
        ref, _ = np.histogram(values, bins=len(counts),
                              range=(hist["lo"], hist["hi"]))
        assert np.abs(ref - counts).sum() <= 2 * values.size // 1000 + 2, name
        lo, hi = t["range"]
        assert min(t["min"], 0) - 1e-9 <= lo <= hi <= max(t["max"], 0) + 1e-9, name
        if stats["method"] == "minmax":
            assert (lo, hi) == (t["min"], t["max"]), name
        if stats["method"] == "percentile":
            p = stats["percentile"]
            kept = np.mean((values >= lo - 1e-6) & (values <= hi + 1e-6))
            assert kept >= p / 100 - 2 / values.size - 1e-3, (name, kept)
    print(f"{stats['method']}: {len(tensors)} tensors match numpy")


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(sys.argv[2])
    else:
        check(sys.argv[2], sys.argv[3])
