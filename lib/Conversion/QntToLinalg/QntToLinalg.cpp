//===- QntToLinalg.cpp - The convert-qnt-to-linalg pass -------------------===//
//
// The type converter, the lowering of qnt.constant, and the pass that runs
// every pattern group of LoweringUtils.h as one dialect conversion.
//
//===----------------------------------------------------------------------===//

#include "quantc/Conversion/QntToLinalg/QntToLinalg.h"
#include "LoweringUtils.h"
#include "quantc/Conversion/Passes.h"
#include "quantc/Dialect/Qnt/IR/QntOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"

namespace mlir::quantc {
#define GEN_PASS_DEF_CONVERTQNTTOLINALG
#include "quantc/Conversion/Passes.h.inc"
} // namespace mlir::quantc

using namespace mlir;
using namespace mlir::quantc;

static Type convertElementType(Type type) {
  if (auto quantized = dyn_cast<quant::QuantizedType>(type))
    return IntegerType::get(type.getContext(),
                            quantized.getStorageTypeIntegralWidth());
  if (auto intType = dyn_cast<IntegerType>(type))
    return IntegerType::get(type.getContext(), intType.getWidth());
  return type;
}

QntTypeConverter::QntTypeConverter() {
  addConversion([](Type type) { return type; });
  addConversion([](quant::QuantizedType type) -> Type {
    return convertElementType(type);
  });
  addConversion(
      [](IntegerType type) -> Type { return convertElementType(type); });
  addConversion([](RankedTensorType type) -> Type {
    return type.clone(convertElementType(type.getElementType()));
  });
  auto materialize = [](OpBuilder &b, Type type, ValueRange inputs,
                        Location loc) -> Value {
    return UnrealizedConversionCastOp::create(b, loc, type, inputs)
        .getResult(0);
  };
  addSourceMaterialization(materialize);
  addTargetMaterialization(materialize);
}

namespace {

/// qnt.constant -> arith.constant on the storage type (same bits).
struct ConstantLowering : OpConversionPattern<ConstantOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ConstantOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = dyn_cast_or_null<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    auto value = dyn_cast<DenseElementsAttr>(op.getValue());
    if (!type || !value)
      return rewriter.notifyMatchFailure(op, "unsupported constant");
    Type elementType = type.getElementType();
    if (value.getElementType() != elementType) {
      if (!elementType.isIntOrFloat() ||
          elementType.getIntOrFloatBitWidth() !=
              value.getElementType().getIntOrFloatBitWidth())
        return rewriter.notifyMatchFailure(op, "storage width mismatch");
      value = value.bitcast(elementType);
    }
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, type, value);
    return success();
  }
};

struct ConvertQntToLinalgPass
    : mlir::quantc::impl::ConvertQntToLinalgBase<ConvertQntToLinalgPass> {
  using Base::Base;

  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    LoweringOptions options;
    if (std::optional<RequantMode> mode = parseRequantMode(requant)) {
      options.requant = *mode;
    } else {
      getOperation().emitError()
          << "requant='" << requant << "' is neither 'float' nor 'fixed'";
      return signalPassFailure();
    }
    QntTypeConverter converter;
    RewritePatternSet patterns(ctx);
    populateQntToLinalgPatterns(converter, patterns, options);
    populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(patterns,
                                                                   converter);
    populateReturnOpTypeConversionPattern(patterns, converter);
    populateCallOpTypeConversionPattern(patterns, converter);

    ConversionTarget target(*ctx);
    target.addIllegalDialect<QntDialect>();
    target.addLegalOp<ModuleOp>();
    target.addLegalDialect<arith::ArithDialect, linalg::LinalgDialect,
                           math::MathDialect, scf::SCFDialect,
                           tensor::TensorDialect>();
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp op) {
      return converter.isSignatureLegal(op.getFunctionType()) &&
             converter.isLegal(&op.getBody());
    });
    target.addDynamicallyLegalOp<func::ReturnOp, func::CallOp>(
        [&](Operation *op) { return converter.isLegal(op); });
    if (failed(applyFullConversion(getOperation(), target,
                                   std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

void mlir::quantc::populateQntToLinalgConversionPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {
  populateQntToLinalgPatterns(converter, patterns, LoweringOptions());
}

void mlir::quantc::populateQntToLinalgPatterns(const TypeConverter &converter,
                                               RewritePatternSet &patterns,
                                               const LoweringOptions &options) {
  patterns.add<ConstantLowering>(converter, patterns.getContext());
  populateElementwiseLoweringPatterns(converter, patterns);
  populateQuantLoweringPatterns(converter, patterns, options);
  populateContractionLoweringPatterns(converter, patterns, options);
  populateConv3DLoweringPatterns(converter, patterns);
  populateReductionLoweringPatterns(converter, patterns, options);
  populateDataMovementLoweringPatterns(converter, patterns);
  populateResizeLoweringPatterns(converter, patterns);
  populateSmallFloatLoweringPatterns(converter, patterns);
}
