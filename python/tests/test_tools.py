"""Tests of quantc.tools against the built quant-opt."""

import unittest

from quantc import ToolError, quant_opt

NCHW_RELU = """
func.func @f(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32> {
  %0 = qnt.transpose %x {perm = array<i64: 0, 2, 3, 1>} : tensor<1x3x4x4xf32> -> tensor<1x4x4x3xf32>
  %1 = qnt.clamp %0 {min = 0.0 : f32} : tensor<1x4x4x3xf32>
  %2 = qnt.transpose %1 {perm = array<i64: 0, 3, 1, 2>} : tensor<1x4x4x3xf32> -> tensor<1x3x4x4xf32>
  return %2 : tensor<1x3x4x4xf32>
}
"""


class QuantOptTest(unittest.TestCase):
    def test_pipeline_removes_round_trip_transposes(self):
        out = quant_opt(NCHW_RELU, ["--qnt-simplify"])
        self.assertNotIn("qnt.transpose", out)
        self.assertIn("qnt.clamp %arg0 {min = 0.000000e+00 : f32} : tensor<1x3x4x4xf32>", out)

    def test_invalid_ir_raises_with_location(self):
        bad = NCHW_RELU.replace("perm = array<i64: 0, 2, 3, 1>", "perm = array<i64: 0, 2, 2, 1>")
        with self.assertRaises(ToolError) as caught:
            quant_opt(bad)
        self.assertEqual(caught.exception.returncode, 1)
        self.assertIn("<stdin>:3:", caught.exception.diagnostics)
        self.assertIn("perm must be a permutation of [0, 4)", caught.exception.diagnostics)


if __name__ == "__main__":
    unittest.main()
