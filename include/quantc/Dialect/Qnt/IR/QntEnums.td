//===- QntEnums.td - Enumerated attributes of the qnt dialect -*- tablegen -*-===//
//
// Modes of `qnt.pad`, `qnt.resize` and `qnt.cast`, spelled as in ONNX so the
// importer maps them one to one.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_DIALECT_QNT_IR_QNTENUMS_TD
#define QUANTC_DIALECT_QNT_IR_QNTENUMS_TD

include "quantc/Dialect/Qnt/IR/QntDialect.td"
include "mlir/IR/EnumAttr.td"

def Qnt_PadMode : I32EnumAttr<"PadMode", "how qnt.pad fills the border", [
    I32EnumAttrCase<"constant", 0>,
    I32EnumAttrCase<"reflect", 1>,
    I32EnumAttrCase<"edge", 2>]> {
  let cppNamespace = "::mlir::quantc";
  let genSpecializedAttr = 0;
}
def Qnt_PadModeAttr : EnumAttr<Qnt_Dialect, Qnt_PadMode, "pad_mode">;

def Qnt_ResizeMode : I32EnumAttr<"ResizeMode", "how qnt.resize interpolates", [
    I32EnumAttrCase<"nearest", 0>,
    I32EnumAttrCase<"linear", 1>,
    I32EnumAttrCase<"cubic", 2>]> {
  let cppNamespace = "::mlir::quantc";
  let genSpecializedAttr = 0;
}
def Qnt_ResizeModeAttr : EnumAttr<Qnt_Dialect, Qnt_ResizeMode, "resize_mode">;

def Qnt_CoordinateTransform : I32EnumAttr<"CoordinateTransform",
    "how qnt.resize maps an output coordinate to an input coordinate", [
    I32EnumAttrCase<"half_pixel", 0>,
    I32EnumAttrCase<"pytorch_half_pixel", 1>,
    I32EnumAttrCase<"align_corners", 2>,
    I32EnumAttrCase<"asymmetric", 3>,
    I32EnumAttrCase<"half_pixel_symmetric", 4>,
    I32EnumAttrCase<"tf_crop_and_resize", 5>]> {
  let cppNamespace = "::mlir::quantc";
  let genSpecializedAttr = 0;
}
def Qnt_CoordinateTransformAttr
    : EnumAttr<Qnt_Dialect, Qnt_CoordinateTransform, "coordinate_transform">;

def Qnt_NearestMode : I32EnumAttr<"NearestMode",
    "how qnt.resize rounds a fractional input coordinate in nearest mode", [
    I32EnumAttrCase<"round_prefer_floor", 0>,
    I32EnumAttrCase<"round_prefer_ceil", 1>,
    I32EnumAttrCase<"floor", 2>,
    I32EnumAttrCase<"ceil", 3>]> {
  let cppNamespace = "::mlir::quantc";
  let genSpecializedAttr = 0;
}
def Qnt_NearestModeAttr : EnumAttr<Qnt_Dialect, Qnt_NearestMode, "nearest_mode">;

def Qnt_RoundMode : I32EnumAttr<"RoundMode",
    "how qnt.cast rounds to the power of two of f8E8M0FNU", [
    I32EnumAttrCase<"up", 0>,
    I32EnumAttrCase<"down", 1>,
    I32EnumAttrCase<"nearest", 2>]> {
  let cppNamespace = "::mlir::quantc";
  let genSpecializedAttr = 0;
}
def Qnt_RoundModeAttr : EnumAttr<Qnt_Dialect, Qnt_RoundMode, "round_mode">;

#endif // QUANTC_DIALECT_QNT_IR_QNTENUMS_TD
