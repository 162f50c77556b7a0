"""Where a quantized classifier's disagreement with its float model comes
from: the weights' share, and the agreement the evaluation samples allow at
a given output noise.

Used by quantc.accuracy for the classifiers below the goal."""

from pathlib import Path

import numpy as np


def round_keeping_kernel_sums(scaled: np.ndarray) -> np.ndarray:
    """`scaled` ([kernels, taps], weights over their scale) rounded as
    qnt-insert-qdq's kernel-sum rounding does: to nearest even in
    [-127, 127], then, while a kernel's rounding errors add up to more than
    1/2, its tap rounded furthest in that direction goes the other way."""
    rounded = np.clip(np.round(scaled), -127, 127)
    excess = (rounded - scaled).sum(axis=1)
    for k in np.flatnonzero(np.abs(excess) > 0.5):
        x, r, e = scaled[k], rounded[k], excess[k]
        while abs(e) > 0.5:
            step = -1.0 if e > 0 else 1.0
            error = r - x
            movable = (error * step < 0) & (np.abs(r + step) <= 127)
            if not movable.any():
                break
            i = np.argmax(np.where(movable, np.abs(error), -1.0))
            r[i] += step
            e += step
    return rounded


def _quantized_weight(weight: np.ndarray, axis: int, per_channel: bool,
                      kernel_sums: bool) -> np.ndarray:
    """`weight` on its symmetric s8 grid (scale: the largest magnitude over
    127, in f32, per slice along `axis` or for the whole tensor)."""
    moved = np.moveaxis(weight.astype(np.float64), axis, 0)
    flat = moved.reshape(moved.shape[0], -1)
    magnitude = np.abs(flat).max(axis=1) if per_channel else \
        np.full(len(flat), np.abs(flat).max())
    scale = (magnitude / 127).astype(np.float32).astype(np.float64)
    scale[~(scale > 0) | ~np.isfinite(scale)] = 1.0
    if kernel_sums:
        # One kernel per output and input channel: [F, C, taps...]; the
        # pass divides in double here.
        kernels = (flat / scale[:, None]).reshape(
            moved.shape[0] * moved.shape[1], -1)
        rounded = round_keeping_kernel_sums(kernels).reshape(flat.shape)
    else:
        # Other weights are quantized by qnt-fold-scales, which divides in
        # f32 as QuantizeLinear does (so ties fall where ONNX puts them).
        scaled = flat.astype(np.float32) / scale[:, None].astype(np.float32)
        rounded = np.clip(np.round(scaled), -127, 127).astype(np.float64)
    values = (rounded * scale[:, None]).reshape(moved.shape)
    return np.moveaxis(values, 0, axis).astype(np.float32)


def weights_on_grid(source: Path, target: Path, per_channel: bool) -> Path:
    """Writes `source` with the constant weights of its Conv, Gemm and
    MatMul nodes replaced by their quantized values, as QuantC's defaults
    quantize them (symmetric s8 along the output channel, convolutions with
    kernel-sum rounding): the model with quantized weights and float
    activations."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(source))
    initializers = {t.name: t for t in model.graph.initializer}
    for node in model.graph.node:
        if node.op_type not in ("Conv", "Gemm", "MatMul") or \
                len(node.input) < 2 or node.input[1] not in initializers:
            continue
        tensor = initializers[node.input[1]]
        weight = numpy_helper.to_array(tensor)
        if weight.dtype != np.float32:
            continue
        attrs = {a.name: a.i for a in node.attribute}
        if node.op_type == "Conv":
            axis = 0
        elif node.op_type == "Gemm":
            axis = 0 if attrs.get("transB", 0) else 1
        else:
            axis = weight.ndim - 1
        quantized = _quantized_weight(weight, axis, per_channel,
                                      kernel_sums=node.op_type == "Conv")
        tensor.CopyFrom(numpy_helper.from_array(quantized, tensor.name))
    onnx.save(model, str(target))
    return target


def noisy_agreement(logits: np.ndarray, sqnr_db: float, trials: int = 200,
                    seed: int = 0) -> float:
    """Top-1 agreement (%) of `logits` ([samples, classes]) with themselves
    plus independent Gaussian noise of the power that gives `sqnr_db`: what
    the samples allow a quantized model whose only flaw is that much
    unbiased noise."""
    x = logits.reshape(len(logits), -1).astype(np.float64)
    sigma = np.sqrt(np.mean(x ** 2) / 10 ** (sqnr_db / 10))
    rng = np.random.default_rng(seed)
    want = x.argmax(axis=1)
    same = [np.mean((x + rng.normal(0.0, sigma, x.shape)).argmax(axis=1) ==
                    want) for _ in range(trials)]
    return 100 * float(np.mean(same))


def top2_gaps(logits: np.ndarray) -> np.ndarray:
    """Each sample's gap between its two largest outputs."""
    x = np.sort(logits.reshape(len(logits), -1), axis=1)
    return x[:, -1] - x[:, -2]
