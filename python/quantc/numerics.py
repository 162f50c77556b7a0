"""Reference implementations of QuantC's integer numerics (docs/Numerics.md).

Bit-exact NumPy models of what the generated code computes:

* quantize_linear: ONNX QuantizeLinear, x / scale in f32, round half to
  even, + zero point, saturate; a NaN quotient gives saturate(zero point).
* requantize_float: the float contract on integer accumulators,
  saturate(round_half_even(f32(f32(acc) * f32 multiplier)) + zp).
* requantize_fixed: the fixed contract, saturate(zp + round_half_even(
  acc * m0 / 2^shift)) with m0, shift from fixed_point_multiplier and exact
  integer arithmetic (Python integers, no float).
"""

import math

import numpy as np


def fixed_point_multiplier(multiplier, accumulator_bits=32):
    """(m0, shift) with multiplier ~= m0 * 2^-shift, m0 in [2^30, 2^31).

    `multiplier` is a Python float (double). m0 = 0, shift = 1 for 0 and for
    multipliers too small to move an accumulator of `accumulator_bits` off
    0. Raises ValueError for multipliers of 2^30 or more, negative or NaN.
    """
    if not multiplier >= 0.0 or math.isinf(multiplier):
        raise ValueError(f"multiplier {multiplier} is not a finite non-negative number")
    if multiplier == 0.0:
        return 0, 1
    fraction, exponent = math.frexp(multiplier)
    m0 = round(fraction * 2.0**31)  # exact product; round() ties to even
    if m0 == 1 << 31:
        m0 >>= 1
        exponent += 1
    shift = 31 - exponent
    if shift < 1:
        raise ValueError(f"multiplier {multiplier} is 2^30 or more")
    if shift > 2 * accumulator_bits - 2:
        return 0, 1
    return m0, shift


def round_shift_half_even(value, shift):
    """round_half_even(value / 2^shift) for a Python integer, exactly."""
    quotient = value >> shift  # floor
    remainder = value - (quotient << shift)
    half = 1 << (shift - 1)
    if remainder > half or (remainder == half and quotient & 1):
        quotient += 1
    return quotient


def requantize_fixed(acc, multipliers, zero_point, qmin, qmax, accumulator_bits=32):
    """The fixed contract. `multipliers` (doubles) broadcast against `acc`."""
    acc = np.asarray(acc, dtype=np.int64)
    multipliers = np.broadcast_to(np.asarray(multipliers, dtype=np.float64), acc.shape)
    zero_point = np.broadcast_to(np.asarray(zero_point, dtype=np.int64), acc.shape)
    out = np.empty(acc.shape, dtype=np.int64)
    for index in np.ndindex(acc.shape):
        m0, shift = fixed_point_multiplier(float(multipliers[index]), accumulator_bits)
        q = round_shift_half_even(int(acc[index]) * m0, shift) + int(zero_point[index])
        out[index] = min(max(q, qmin), qmax)
    return out


def requantize_float(acc, multipliers, zero_point, qmin, qmax):
    """The float contract. `multipliers` are the f32 values the lowering uses."""
    acc = np.asarray(acc, dtype=np.int64)
    scaled = acc.astype(np.float32) * np.asarray(multipliers, dtype=np.float32)
    rounded = np.round(scaled.astype(np.float32))  # half to even
    shifted = (rounded + np.asarray(zero_point, dtype=np.float32)).astype(np.float32)
    return np.clip(np.round(shifted), qmin, qmax).astype(np.int64)


def contraction_multipliers(input_scale, weight_scales, output_scale):
    """The (f32, double) multipliers of a quantized conv or matmul:
    (s_x * s_w) / s_y in f32 in that order, and in double from the same f32
    scales."""
    sx = np.float32(input_scale)
    sw = np.asarray(weight_scales, dtype=np.float32)
    sy = np.float32(output_scale)
    f32 = (sx * sw) / sy
    real = (np.float64(sx) * sw.astype(np.float64)) / np.float64(sy)
    return f32.astype(np.float32), real


def quantize_linear(x, scale, zero_point, qmin, qmax):
    """ONNX QuantizeLinear as lowered: f32 division, half to even, NaN -> zp."""
    x = np.asarray(x, dtype=np.float32)
    with np.errstate(divide="ignore", invalid="ignore"):
        q = (x / np.float32(scale)).astype(np.float32)
    q = np.where(np.isnan(q), np.float32(0), q)
    q = np.clip(np.round(q), -(2.0**62), 2.0**62)
    return np.clip(q.astype(np.int64) + int(zero_point), qmin, qmax)
