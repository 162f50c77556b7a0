#!/usr/bin/env python3
"""Bit-exact check of both requantization contracts and of QuantizeLinear.

  requant_exact.py generate DIR       writes DIR/model.onnx and DIR/data/input_<i>.pb
  requant_exact.py check MODE GOT     compares GOT/output_<i>.pb (quantc run
                                      --outputs) with python/quantc/numerics.py's
                                      model of MODE (float or fixed)

The model has five outputs:
  0. QLinearConv 1x1 over 256 positions and 14 channels whose accumulators are
     bias[c] + (x - 128) with x = 0..255: per-channel multipliers (weight
     scales) 0.5, 0.25, 0.75, 1.5, 3, 1/3, 2^-24, 2^-25, 2^-33, 100/2^31 and
     biases placing accumulators on ties of both parities, near +-2^31, and
     where f32(acc) is inexact, so the two contracts differ.
  1. QLinearMatMul on random u8 x s8 data with unrelated scales.
  2. QuantizeLinear to u8 (scale 0.5, zero point 10) and 3. to s8 (scale
     0.25, zero point -3) of x = (k + 1/2) * scale for k = -4..4, NaN,
     +-inf, +-1000, +-0.
  4. DequantizeLinear, AveragePool 3x3 (stride 2, pads 1, padding excluded:
     2, 3 or 3x3 taps inside), QuantizeLinear: a quantized mean whose
     multiplier s_in / (s_out * count) varies with the output position;
     channel 0 holds zp + 3 everywhere (means of 1.5), channel 1 random data.
"""

import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python"))
from quantc import numerics  # noqa: E402

# (multiplier, bias) per conv channel; the input and output scales are 1.
CHANNELS = [
    (0.5, 0),                   # ties k + 1/2 of both parities, negative too
    (0.25, 0),
    (0.75, 0),
    (1.5, 0),                   # > 1, saturates at both ends
    (2.0**-25, 125 * 2**24),    # tie 62.5 at d = 0; f32(acc) inexact beside it
    (2.0**-25, -125 * 2**24),   # tie -62.5
    (2.0**-25, -(2**31) + 128),  # down to acc = -2^31
    (2.0**-25, 2**31 - 128),    # up to acc = 2^31 - 1
    (2.0**-33, 2**31 - 128),    # shift beyond 62: the zero point
    (1.0 / 3.0, 0),
    (3.0, 0),
    (100.0 / 2**31, 2**31 - 200),
    (2.0**-24, 103 * 2**23),    # tie 51.5 (odd k) at d = 0
    (2.0**-24, -103 * 2**23),   # tie -51.5
]
POSITIONS = 256
MM_SHAPE = (4, 64, 16)
MM_SCALES = (0.0123, 0.00456, 0.0789)  # a, b, y
MM_ZERO_POINTS = (131, 100)  # a, y
Q_U8 = (0.5, 10)
Q_S8 = (0.25, -3)
POOL = dict(shape=(1, 2, 5, 6), s_in=0.1, zp_in=7, s_out=0.2, zp_out=2)


def quantize_inputs():
    ks = np.arange(-4, 5, dtype=np.float32) + np.float32(0.5)
    special = np.array([np.nan, np.inf, -np.inf, 1000, -1000, 0.0, -0.0], np.float32)
    return [np.concatenate([ks * np.float32(Q_U8[0]), special]),
            np.concatenate([ks * np.float32(Q_S8[0]), special])]


def inputs():
    rng = np.random.default_rng(11)
    conv_x = np.arange(POSITIONS, dtype=np.uint8).reshape(1, 1, 1, POSITIONS)
    m, k, _ = MM_SHAPE
    mm_a = rng.integers(0, 256, (1, m, k), dtype=np.uint8)
    qu8, qs8 = quantize_inputs()
    pool_x = rng.integers(0, 256, POOL["shape"], dtype=np.uint8)
    pool_x[0, 0] = POOL["zp_in"] + 3
    return {"conv_x": conv_x, "mm_a": mm_a, "q_u8": qu8, "q_s8": qs8, "pool_x": pool_x}


def pool_windows():
    """(sums of q - zp_in, tap counts) of the 3x3, stride 2, pad 1 windows."""
    x = inputs()["pool_x"].astype(np.int64) - POOL["zp_in"]
    n, c, h, w = x.shape
    oh, ow = (h + 2 - 3) // 2 + 1, (w + 2 - 3) // 2 + 1
    sums = np.zeros((n, c, oh, ow), np.int64)
    counts = np.zeros((oh, ow), np.int64)
    for i in range(oh):
        for j in range(ow):
            rows = slice(max(2 * i - 1, 0), min(2 * i + 2, h))
            cols = slice(max(2 * j - 1, 0), min(2 * j + 2, w))
            sums[:, :, i, j] = x[:, :, rows, cols].sum(axis=(2, 3))
            counts[i, j] = (rows.stop - rows.start) * (cols.stop - cols.start)
    return sums, counts


def mm_weights():
    rng = np.random.default_rng(12)
    _, k, n = MM_SHAPE
    return rng.integers(-128, 128, (k, n), dtype=np.int8)


def generate(out):
    f32 = lambda v: np.asarray(v, np.float32)  # noqa: E731
    c = len(CHANNELS)
    inits = [
        numpy_helper.from_array(f32(1.0), "conv_x_scale"),
        numpy_helper.from_array(np.array(128, np.uint8), "conv_x_zp"),
        numpy_helper.from_array(np.ones((c, 1, 1, 1), np.int8), "conv_w"),
        numpy_helper.from_array(f32([m for m, _ in CHANNELS]), "conv_w_scale"),
        numpy_helper.from_array(np.zeros(c, np.int8), "conv_w_zp"),
        numpy_helper.from_array(f32(1.0), "conv_y_scale"),
        numpy_helper.from_array(np.array(128, np.uint8), "conv_y_zp"),
        numpy_helper.from_array(np.array([b for _, b in CHANNELS], np.int32), "conv_b"),
        numpy_helper.from_array(f32(MM_SCALES[0]), "mm_a_scale"),
        numpy_helper.from_array(np.array(MM_ZERO_POINTS[0], np.uint8), "mm_a_zp"),
        numpy_helper.from_array(mm_weights(), "mm_b"),
        numpy_helper.from_array(f32(MM_SCALES[1]), "mm_b_scale"),
        numpy_helper.from_array(np.array(0, np.int8), "mm_b_zp"),
        numpy_helper.from_array(f32(MM_SCALES[2]), "mm_y_scale"),
        numpy_helper.from_array(np.array(MM_ZERO_POINTS[1], np.uint8), "mm_y_zp"),
        numpy_helper.from_array(f32(Q_U8[0]), "q_u8_scale"),
        numpy_helper.from_array(np.array(Q_U8[1], np.uint8), "q_u8_zp"),
        numpy_helper.from_array(f32(Q_S8[0]), "q_s8_scale"),
        numpy_helper.from_array(np.array(Q_S8[1], np.int8), "q_s8_zp"),
        numpy_helper.from_array(f32(POOL["s_in"]), "pool_s_in"),
        numpy_helper.from_array(np.array(POOL["zp_in"], np.uint8), "pool_zp_in"),
        numpy_helper.from_array(f32(POOL["s_out"]), "pool_s_out"),
        numpy_helper.from_array(np.array(POOL["zp_out"], np.uint8), "pool_zp_out"),
    ]
    nodes = [
        helper.make_node("QLinearConv", ["conv_x", "conv_x_scale", "conv_x_zp", "conv_w", "conv_w_scale",
                                         "conv_w_zp", "conv_y_scale", "conv_y_zp", "conv_b"], ["conv_y"]),
        helper.make_node("QLinearMatMul", ["mm_a", "mm_a_scale", "mm_a_zp", "mm_b", "mm_b_scale", "mm_b_zp",
                                           "mm_y_scale", "mm_y_zp"], ["mm_y"]),
        helper.make_node("QuantizeLinear", ["q_u8", "q_u8_scale", "q_u8_zp"], ["q_u8_y"]),
        helper.make_node("QuantizeLinear", ["q_s8", "q_s8_scale", "q_s8_zp"], ["q_s8_y"]),
        helper.make_node("DequantizeLinear", ["pool_x", "pool_s_in", "pool_zp_in"], ["pool_xf"]),
        helper.make_node("AveragePool", ["pool_xf"], ["pool_yf"], kernel_shape=[3, 3], strides=[2, 2],
                         pads=[1, 1, 1, 1], count_include_pad=0),
        helper.make_node("QuantizeLinear", ["pool_yf", "pool_s_out", "pool_zp_out"], ["pool_y"]),
    ]
    data = inputs()
    m, _, n = MM_SHAPE
    graph = helper.make_graph(
        nodes, "requant_exact",
        [helper.make_tensor_value_info("conv_x", TensorProto.UINT8, [1, 1, 1, POSITIONS]),
         helper.make_tensor_value_info("mm_a", TensorProto.UINT8, [1, m, MM_SHAPE[1]]),
         helper.make_tensor_value_info("q_u8", TensorProto.FLOAT, [len(data["q_u8"])]),
         helper.make_tensor_value_info("q_s8", TensorProto.FLOAT, [len(data["q_s8"])]),
         helper.make_tensor_value_info("pool_x", TensorProto.UINT8, list(POOL["shape"]))],
        [helper.make_tensor_value_info("conv_y", TensorProto.UINT8, [1, c, 1, POSITIONS]),
         helper.make_tensor_value_info("mm_y", TensorProto.UINT8, [1, m, n]),
         helper.make_tensor_value_info("q_u8_y", TensorProto.UINT8, [len(data["q_u8"])]),
         helper.make_tensor_value_info("q_s8_y", TensorProto.INT8, [len(data["q_s8"])]),
         helper.make_tensor_value_info("pool_y", TensorProto.UINT8, [1, POOL["shape"][1], 3, 3])],
        inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    onnx.checker.check_model(model)
    os.makedirs(os.path.join(out, "data"), exist_ok=True)
    onnx.save(model, os.path.join(out, "model.onnx"))
    for i, name in enumerate(["conv_x", "mm_a", "q_u8", "q_s8", "pool_x"]):
        tensor = numpy_helper.from_array(data[name], name)
        with open(os.path.join(out, "data", f"input_{i}.pb"), "wb") as f:
            f.write(tensor.SerializeToString())


def requantize(mode, acc, f32_multipliers, real_multipliers, zero_point, qmin, qmax):
    if mode == "float":
        return numerics.requantize_float(acc, f32_multipliers, zero_point, qmin, qmax)
    return numerics.requantize_fixed(acc, real_multipliers, zero_point, qmin, qmax)


def expected(mode):
    data = inputs()
    # Conv: NCHW [1, C, 1, P]; channel c's accumulator is bias + (x - 128).
    d = data["conv_x"].reshape(-1).astype(np.int64) - 128
    bias = np.array([b for _, b in CHANNELS], np.int64)
    conv_acc = bias[:, None] + d[None, :]
    f32m, realm = numerics.contraction_multipliers(1.0, [m for m, _ in CHANNELS], 1.0)
    conv = requantize(mode, conv_acc, f32m[:, None], realm[:, None], 128, 0, 255)
    assert np.all((conv_acc >= -(2**31)) & (conv_acc < 2**31))
    # MatMul: sum (a - zp_a) * b.
    a = data["mm_a"][0].astype(np.int64) - MM_ZERO_POINTS[0]
    mm_acc = a @ mm_weights().astype(np.int64)
    f32m, realm = numerics.contraction_multipliers(MM_SCALES[0], [MM_SCALES[1]], MM_SCALES[2])
    mm = requantize(mode, mm_acc, f32m[0], realm[0], MM_ZERO_POINTS[1], 0, 255)
    qu8 = numerics.quantize_linear(data["q_u8"], Q_U8[0], Q_U8[1], 0, 255)
    qs8 = numerics.quantize_linear(data["q_s8"], Q_S8[0], Q_S8[1], -128, 127)
    # Means: s_in / (s_out * count), in f32 in that order or in double.
    sums, counts = pool_windows()
    s_in, s_out = np.float32(POOL["s_in"]), np.float32(POOL["s_out"])
    f32m = s_in / (s_out * counts.astype(np.float32))
    realm = np.float64(s_in) / (np.float64(s_out) * counts)
    pool = requantize(mode, sums, f32m, realm, POOL["zp_out"], 0, 255)
    return [conv.reshape(1, -1, 1, POSITIONS), mm.reshape(1, *mm_acc.shape), qu8, qs8, pool]


def check(mode, got_dir):
    other = "fixed" if mode == "float" else "float"
    ok = True
    for i, (want, alt) in enumerate(zip(expected(mode), expected(other))):
        tensor = onnx.TensorProto()
        with open(os.path.join(got_dir, f"output_{i}.pb"), "rb") as f:
            tensor.ParseFromString(f.read())
        got = numpy_helper.to_array(tensor).astype(np.int64)
        same = int(np.sum(got.reshape(-1) == want.reshape(-1))) if got.size == want.size else 0
        print(f"output {i}: {want.size} values, {same} equal to the {mode} reference, "
              f"{int(np.sum(want != alt))} where the {other} reference differs")
        if same != want.size:
            ok = False
            for index in zip(*np.nonzero(got.reshape(want.shape) != want)):
                print(f"  at {index}: got {got.reshape(want.shape)[index]}, expected {want[index]}")
    print("bit-exact" if ok else "MISMATCH")
    return 0 if ok else 1


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "generate":
        generate(sys.argv[2])
        return 0
    if len(sys.argv) == 4 and sys.argv[1] == "check" and sys.argv[2] in ("float", "fixed"):
        return check(sys.argv[2], sys.argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
