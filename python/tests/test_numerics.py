"""Tests of quantc.numerics, the NumPy model of docs/Numerics.md."""

import unittest

import numpy as np

from quantc import numerics


class FixedPointMultiplierTest(unittest.TestCase):
    def test_powers_of_two_and_range(self):
        self.assertEqual(numerics.fixed_point_multiplier(0.5), (1 << 30, 31))
        self.assertEqual(numerics.fixed_point_multiplier(1.0), (1 << 30, 30))
        self.assertEqual(numerics.fixed_point_multiplier(3.0), (3 << 29, 29))
        for m in (1e-9, 0.0123, 0.75, 1.0 / 3.0, 1000.0):
            m0, shift = numerics.fixed_point_multiplier(m)
            self.assertTrue(1 << 30 <= m0 < 1 << 31)
            self.assertTrue(1 <= shift <= 62)
            self.assertLessEqual(abs(m0 * 2.0**-shift - m) / m, 2.0**-31)

    def test_zero_tiny_and_too_large(self):
        self.assertEqual(numerics.fixed_point_multiplier(0.0), (0, 1))
        self.assertEqual(numerics.fixed_point_multiplier(2.0**-33), (0, 1))
        self.assertEqual(numerics.fixed_point_multiplier(2.0**-33, 64), (1 << 30, 63))
        for m in (2.0**30, 2.0**31, -1.0, float("nan"), float("inf")):
            with self.assertRaises(ValueError):
                numerics.fixed_point_multiplier(m)


class RequantizeTest(unittest.TestCase):
    def test_ties_to_even_both_signs(self):
        acc = np.array([-5, -3, -1, 1, 3, 5])
        want = [-2, -2, 0, 0, 2, 2]
        self.assertEqual(list(numerics.requantize_fixed(acc, 0.5, 0, -128, 127)), want)
        self.assertEqual(list(numerics.requantize_float(acc, 0.5, 0, -128, 127)), want)

    def test_contracts_differ_where_f32_acc_is_inexact(self):
        acc = np.array([125 * 2**24 + 1])
        self.assertEqual(numerics.requantize_fixed(acc, 2.0**-25, 0, -128, 127)[0], 63)
        self.assertEqual(numerics.requantize_float(acc, 2.0**-25, 0, -128, 127)[0], 62)

    def test_saturation_and_zero_point(self):
        acc = np.array([-(2**31), 2**31 - 1])
        self.assertEqual(list(numerics.requantize_fixed(acc, 1.5, 128, 0, 255)), [0, 255])
        self.assertEqual(list(numerics.requantize_fixed(acc, 2.0**-40, 128, 0, 255)), [128, 128])


class QuantizeLinearTest(unittest.TestCase):
    def test_ties_nan_and_infinities(self):
        x = np.array([-1.25, -0.75, 0.25, 0.75, np.nan, np.inf, -np.inf], np.float32)
        want = [8, 8, 10, 12, 10, 255, 0]
        self.assertEqual(list(numerics.quantize_linear(x, 0.5, 10, 0, 255)), want)


if __name__ == "__main__":
    unittest.main()
