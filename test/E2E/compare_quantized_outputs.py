#!/usr/bin/env python3
"""Compares a quantized model's outputs with its expected outputs in steps.

Reads output_<i>.pb (ONNX TensorProto) from --got and --expect and measures
each difference in quantization steps of the output, |got - expected| /
scale. The scale is --scale, or read from the model (--model): the scale of
the DequantizeLinear that produces each graph output; integer outputs
(stored values) count steps of 1. Prints, per output,
the share of values that are exact and within one step, the largest step
count and whether the top-1 index agrees, and exits non-zero when
--min-exact or --min-within-one (percent) or --top1 is not met. Float
outputs that no DequantizeLinear produces are compared with --rtol/--atol.
"""

import argparse
import os
import sys

import numpy as np
import onnx
from onnx import numpy_helper


def output_scales(model_path):
    """The scale of the DequantizeLinear producing each graph output."""
    model = onnx.load(model_path)
    graph = model.graph
    initializers = {}
    for tensor in graph.initializer:
        try:
            initializers[tensor.name] = numpy_helper.to_array(tensor)
        except (KeyError, ValueError):
            pass  # Element types this onnx version cannot read (int4).
    constants = {}
    for node in graph.node:
        if node.op_type == "Constant":
            for attr in node.attribute:
                if attr.name == "value":
                    constants[node.output[0]] = numpy_helper.to_array(attr.t)
    producers = {out: node for node in graph.node for out in node.output}

    def constant_value(name):
        while name in producers and producers[name].op_type == "Identity":
            name = producers[name].input[0]
        return initializers.get(name, constants.get(name))

    scales = []
    for output in graph.output:
        node = producers.get(output.name)
        # Look through Identity, as exporters leave them.
        while node is not None and node.op_type == "Identity":
            node = producers.get(node.input[0])
        if node is None or node.op_type != "DequantizeLinear":
            scales.append(None)
            continue
        value = constant_value(node.input[1])
        scales.append(None if value is None else float(np.asarray(value).reshape(-1)[0]))
    return scales


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--got", required=True, help="folder of output_<i>.pb written by quantc run --outputs")
    parser.add_argument("--expect", required=True, help="folder of expected output_<i>.pb")
    parser.add_argument("--model", help="the ONNX model, to read each output's scale")
    parser.add_argument("--scale", type=float, help="the output scale (overrides --model)")
    parser.add_argument("--min-within-one", type=float, default=None,
                        help="fail below this percentage of values within one step")
    parser.add_argument("--min-exact", type=float, default=None,
                        help="fail below this percentage of exact values")
    parser.add_argument("--top1", action="store_true", help="fail when the top-1 index differs")
    parser.add_argument("--rtol", type=float, default=1e-4, help="for float outputs without a scale")
    parser.add_argument("--atol", type=float, default=1e-5, help="for float outputs without a scale")
    args = parser.parse_args()

    scales = output_scales(args.model) if args.model else []
    ok = True
    index = 0
    while True:
        expect_path = os.path.join(args.expect, f"output_{index}.pb")
        if not os.path.exists(expect_path):
            break
        got_path = os.path.join(args.got, f"output_{index}.pb")
        if not os.path.exists(got_path):
            print(f"output {index}: missing {got_path}")
            ok = False
            index += 1
            continue
        expected_raw = numpy_helper.to_array(onnx.load_tensor(expect_path))
        expected = expected_raw.astype(np.float64)
        got = numpy_helper.to_array(onnx.load_tensor(got_path)).astype(np.float64)
        if got.shape != expected.shape:
            print(f"output {index}: shape {got.shape}, expected {expected.shape}")
            ok = False
            index += 1
            continue
        scale = args.scale if args.scale is not None else (
            scales[index] if index < len(scales) else None)
        if scale is None and np.issubdtype(expected_raw.dtype, np.integer):
            scale = 1.0  # Stored integers: one step is 1.
        if scale is None:
            # A float output of a float op: compare with tolerances.
            error = np.abs(got - expected)
            close = bool(np.all(error <= args.atol + args.rtol * np.abs(expected)))
            print(f"output {index}: {got.size} float values (not dequantized): "
                  f"max abs error {error.max() if error.size else 0:.3g}, "
                  f"{'within' if close else 'NOT within'} rtol {args.rtol:g} atol {args.atol:g}")
            ok = ok and close
            index += 1
            continue
        steps = np.abs(got - expected) / scale
        # Values on one grid differ by whole steps; allow f32 rounding.
        whole = np.rint(steps)
        exact = 100.0 * np.mean(whole == 0)
        within = 100.0 * np.mean(whole <= 1)
        top1_got = int(np.argmax(got.reshape(got.shape[0], -1), axis=-1)[0]) if got.ndim > 1 else int(np.argmax(got))
        top1_expected = int(np.argmax(expected.reshape(expected.shape[0], -1), axis=-1)[0]) if expected.ndim > 1 else int(np.argmax(expected))
        same_top1 = top1_got == top1_expected
        print(f"output {index}: {got.size} values, scale {scale:.9g}: "
              f"exact {exact:.2f}%, within 1 step {within:.2f}%, "
              f"max {int(whole.max())} steps, top-1 {top1_got} "
              f"(expected {top1_expected}): {'same' if same_top1 else 'DIFFERENT'}")
        if args.min_within_one is not None and within < args.min_within_one:
            ok = False
        if args.min_exact is not None and exact < args.min_exact:
            ok = False
        if args.top1 and not same_top1:
            ok = False
        index += 1
    if index == 0:
        print(f"no output_0.pb in {args.expect}")
        return 2
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
