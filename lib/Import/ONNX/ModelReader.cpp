//===- ModelReader.cpp - Parsing ONNX ModelProto from bytes ---------------===//
//
// This file is built with C++ exceptions: libonnx's text parser may throw
// on malformed input, and an exception crossing -fno-exceptions code would
// terminate the process. Every exception is caught here and becomes a
// diagnostic.
//
//===----------------------------------------------------------------------===//

#include "ModelReader.h"

#include "mlir/IR/Diagnostics.h"

#include "onnx/defs/parser.h"

#include <exception>
#include <limits>
#include <string>

using namespace mlir;
using namespace mlir::quantc::onnx_import;

/// ONNX text starts with '<' after blanks and '#' comment lines.
static bool isTextFormat(StringRef bytes) {
  StringRef rest = bytes.ltrim();
  while (rest.starts_with("#"))
    rest = rest.drop_until([](char c) { return c == '\n'; }).ltrim();
  return !rest.empty() && rest.front() == '<';
}

LogicalResult mlir::quantc::onnx_import::readModel(llvm::MemoryBufferRef buffer,
                                                   Location loc,
                                                   onnx::ModelProto &model) {
  StringRef bytes = buffer.getBuffer();
  if (bytes.empty())
    return emitError(loc) << "the model file is empty";
  if (isTextFormat(bytes)) {
    std::string text = bytes.str(); // The parser needs a terminated string.
    try {
      onnx::OnnxParser parser(text.c_str());
      onnx::Status status = parser.Parse(model);
      if (!status.IsOK())
        return emitError(loc)
               << "cannot parse ONNX text: " << status.ErrorMessage();
    } catch (const std::exception &e) {
      return emitError(loc) << "cannot parse ONNX text: " << e.what();
    } catch (...) {
      return emitError(loc) << "cannot parse ONNX text";
    }
    return success();
  }
  if (bytes.size() > static_cast<size_t>(std::numeric_limits<int>::max()))
    return emitError(loc) << "the model is larger than protobuf's 2 GiB limit";
  if (!model.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    return emitError(loc) << "cannot parse the model: not a valid ONNX "
                             "ModelProto (truncated or not an ONNX file?)";
  return success();
}
