"""Tests of quantc.error_budget, the accuracy report's error budget."""

import unittest

import numpy as np

from quantc import error_budget


class KernelSumRoundingTest(unittest.TestCase):
    def test_nearest_when_errors_stay_within_half(self):
        scaled = np.array([[0.3, -1.2, 2.6]])  # errors -0.3, 0.2, 0.4: 0.3
        self.assertEqual(
            error_budget.round_keeping_kernel_sums(scaled).tolist(),
            [[0, -1, 3]])

    def test_tap_nearest_a_boundary_moves(self):
        # Nearest gives [1, 1, 1, 1] (errors 0.4, 0.4, 0.3, 0.45: +1.55);
        # the taps at 0.55, 0.6 and 0.6 go down in that order until the
        # excess is at most 1/2 (0.55 first, then the first 0.6).
        scaled = np.array([[0.6, 0.6, 0.7, 0.55]])
        rounded = error_budget.round_keeping_kernel_sums(scaled)
        self.assertEqual(rounded.tolist(), [[0, 1, 1, 0]])
        self.assertLessEqual(abs(rounded.sum() - scaled.sum()), 0.5)

    def test_kernels_are_independent_and_clamped(self):
        # The second kernel loses 3 to the clamp at 127; only its 0.1 tap
        # may still move up (from 0 to 1), and then none.
        scaled = np.array([[0.6, 0.6, 0.6], [130.0, -0.2, 0.1]])
        self.assertEqual(
            error_budget.round_keeping_kernel_sums(scaled).tolist(),
            [[0, 1, 1], [127, 0, 1]])


class NoiseFloorTest(unittest.TestCase):
    def test_separated_logits_survive_small_noise(self):
        logits = np.tile([10.0, 0.0, -10.0], (20, 1))
        self.assertEqual(error_budget.noisy_agreement(logits, 40.0), 100.0)

    def test_exact_ties_flip_half_the_time(self):
        logits = np.tile([1.0, 1.0, -50.0], (50, 1))
        agree = error_budget.noisy_agreement(logits, 30.0)
        self.assertGreater(agree, 45.0)
        self.assertLess(agree, 55.0)

    def test_top2_gaps(self):
        logits = np.array([[1.0, 3.0, 2.5], [0.0, -1.0, 4.0]])
        self.assertEqual(error_budget.top2_gaps(logits).tolist(), [0.5, 4.0])


if __name__ == "__main__":
    unittest.main()
