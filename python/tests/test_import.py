"""Tests of quantc.import_onnx on models made with onnx.helper."""

import os
import tempfile
import unittest

from onnx import TensorProto, helper

from quantc import ToolError, import_onnx


def write_model(folder, batch="N"):
    graph = helper.make_graph(
        [helper.make_node("Relu", ["X"], ["Y"], name="relu")], "g",
        [helper.make_tensor_value_info("X", TensorProto.FLOAT, [batch, 4])],
        [helper.make_tensor_value_info("Y", TensorProto.FLOAT, [batch, 4])])
    path = os.path.join(folder, "relu.onnx")
    with open(path, "wb") as f:
        f.write(helper.make_model(graph).SerializeToString())
    return path


class ImportOnnxTest(unittest.TestCase):
    def test_input_shape_fixes_symbolic_dimension(self):
        with tempfile.TemporaryDirectory() as folder:
            ir = import_onnx(write_model(folder), input_shapes={"X": [8, 4]})
        self.assertIn("func.func @main(%arg0: tensor<8x4xf32> {onnx.name = \"X\"})", ir)
        self.assertIn("qnt.clamp %arg0 {min = 0.000000e+00 : f32} : tensor<8x4xf32>", ir)

    def test_conflicting_shape_is_a_located_error(self):
        with tempfile.TemporaryDirectory() as folder:
            with self.assertRaises(ToolError) as caught:
                import_onnx(write_model(folder, batch=2), input_shapes={"X": [3, 4]})
        self.assertEqual(caught.exception.returncode, 1)
        self.assertIn("relu.onnx: graph input 'X': error: dimension 0 is 2 but --input-shape gives 3",
                      caught.exception.diagnostics)


if __name__ == "__main__":
    unittest.main()
