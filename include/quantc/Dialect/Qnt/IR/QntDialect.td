//===- QntDialect.td - QuantC's quantization dialect -------*- tablegen -*-===//
//
// The `qnt` dialect: graph-level ops of CNNs and MLPs on float tensors or on
// tensors of upstream `!quant.uniform` element types, plus the ops that move
// values between the real and the quantized domain.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_DIALECT_QNT_IR_QNTDIALECT_TD
#define QUANTC_DIALECT_QNT_IR_QNTDIALECT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"

def Qnt_Dialect : Dialect {
  let name = "qnt";
  let cppNamespace = "::mlir::quantc";
  let summary = "Graph-level ops on float and uniformly quantized tensors";
  let description = [{
    The `qnt` dialect is QuantC's model-level IR. The ONNX importer produces
    it, the quantization passes rewrite it, and the conversion to linalg
    consumes it.

    Tensors are ranked; their element type is `f32` or an upstream
    `!quant.uniform` type, per-tensor or per-axis. A quantized value `q`
    stands for the real number `scale * (q - zero_point)`.

    Layout: spatial ops (`conv2d`, pools, `resize`) take activations in
    NHWC order and filters in FHWC order (`[out_channels, kh, kw,
    in_channels / groups]`), the layout integer micro-kernels want. The
    importer inserts `qnt.transpose` ops at the boundary to ONNX's NCHW.

    Compute ops (`conv2d`, `matmul`, `fully_connected`, `add`, `mul`) work in
    one domain: all operands and the result are float, or all are quantized.
    On quantized operands the result is the real-valued op applied to the
    dequantized operands, then quantized to the result type (round half to
    even, saturate), optionally clamped first (`clamp_min`/`clamp_max`, in
    real values) - the fused activation of the op's epilogue.
  }];
  let dependentDialects = ["::mlir::quant::QuantDialect"];
  let hasConstantMaterializer = 1;
  let useDefaultAttributePrinterParser = 1;
}

// Every quantized operand and result of a `qnt` op is checked by this trait:
// expressed type f32, zero points inside the storage range, and per-axis
// parameters that match the tensor's shape.
def Qnt_QuantizedTypesAreValid : NativeOpTrait<"QuantizedTypesAreValid"> {
  let cppNamespace = "::mlir::quantc::OpTrait";
}

class Qnt_Op<string mnemonic, list<Trait> traits = []>
    : Op<Qnt_Dialect, mnemonic, !listconcat([Qnt_QuantizedTypesAreValid], traits)>;

//===----------------------------------------------------------------------===//
// Type constraints
//===----------------------------------------------------------------------===//

def Qnt_UniformQuantizedType : Type<
    CPred<"::llvm::isa<::mlir::quant::UniformQuantizedType, "
          "::mlir::quant::UniformQuantizedPerAxisType>($_self)">,
    "uniform quantized type", "::mlir::quant::QuantizedType">;

def Qnt_Element : AnyTypeOf<[F32, Qnt_UniformQuantizedType]>;

def Qnt_Tensor : RankedTensorOf<[Qnt_Element]>;

// Integer tensors carry ONNX's integer data (stored quantized values of
// QLinear/Integer ops before their parameters are attached, indices, casts).
// Only data movement, constants and the two cast ops accept them.
def Qnt_Integer : AnyTypeOf<[I1, I<2>, I<4>, I8, I16, I32, I64, UI<2>, UI<4>, UI8, UI16, UI32, UI64]>;
def Qnt_IntegerTensor : RankedTensorOf<[Qnt_Integer]>;
// ONNX's 16-, 8- and 4-bit float element types; only qnt.cast converts them
// (QuantC computes in f32; a cast to f16 or bf16 and back rounds to them).
def Qnt_SmallFloat : AnyTypeOf<[F16, BF16, F8E4M3FN, F8E4M3FNUZ, F8E5M2,
                                F8E5M2FNUZ, F4E2M1FN, F8E8M0FNU]>;
def Qnt_AnyTensor : RankedTensorOf<[Qnt_Element, Qnt_Integer, Qnt_SmallFloat]>;
def Qnt_FloatTensor : RankedTensorOf<[F32]>;
def Qnt_QuantizedTensor : RankedTensorOf<[Qnt_UniformQuantizedType]>;

#endif // QUANTC_DIALECT_QNT_IR_QNTDIALECT_TD
