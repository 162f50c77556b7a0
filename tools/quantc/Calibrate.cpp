//===- Calibrate.cpp - `quantc calibrate`: activation statistics ----------===//
//
// Implements Calibrate.h. The model is loaded with libonnx's protobuf API
// and every tensor some node consumes becomes an extra graph output, in
// memory; that model is compiled for the host as `quantc run` compiles
// one, linked with the generated runner, and run once per sample in two
// passes: the first finds each tensor's min and max, the second fills a
// histogram whose bins that range fixes. Bins fixed before any value is
// counted make the histogram a sum over samples, independent of their
// order, and memory is bounded by the histograms.
//
//===----------------------------------------------------------------------===//

#include "Calibrate.h"

#include "quantc/Import/ONNX/TensorFile.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/Support/FileUtilities.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#include "onnx/onnx_pb.h"

#include <climits>
#include <cmath>
#include <cstring>
#include <map>
#include <set>

using namespace mlir;
using namespace mlir::quantc;
namespace cl = llvm::cl;

llvm::cl::OptionCategory &mlir::quantc::getCalibrateCategory() {
  static cl::OptionCategory category("quantc calibrate options");
  return category;
}

namespace {

enum class Method { MinMax, Percentile, Entropy, MSE };

cl::opt<std::string>
    dataDir("data",
            cl::desc("Sample inputs: ONNX test sets (DIR/test_data_set_*/"
                     "input_<i>.pb), or .pb/.npy files, one sample each or "
                     "a batch along the first dimension"),
            cl::value_desc("DIR"), cl::cat(getCalibrateCategory()));
cl::opt<Method> method(
    "method", cl::desc("How the range of each tensor is chosen"),
    cl::init(Method::MinMax),
    cl::values(clEnumValN(Method::MinMax, "minmax", "[min, max] seen"),
               clEnumValN(Method::Percentile, "percentile",
                          "keep --percentile % of the values, cutting both "
                          "tails equally"),
               clEnumValN(Method::Entropy, "entropy",
                          "the clipping that minimizes the KL divergence of "
                          "the 255-level quantized distribution"),
               clEnumValN(Method::MSE, "mse",
                          "the clipping that minimizes the mean squared "
                          "error of u8 quantization")),
    cl::cat(getCalibrateCategory()));
cl::opt<double> percentile("percentile",
                           cl::desc("Percentage of values --method="
                                    "percentile keeps (default 99.99)"),
                           cl::init(99.99), cl::cat(getCalibrateCategory()));
cl::opt<unsigned> numBins("bins", cl::desc("Histogram bins (default 2048)"),
                          cl::init(2048), cl::cat(getCalibrateCategory()));

//===----------------------------------------------------------------------===//
// Tensors from files
//===----------------------------------------------------------------------===//

/// A tensor read from a sample file, as doubles.
struct Tensor {
  /// The TensorProto's name, or the .npy file's stem.
  std::string name;
  /// The file's stem, for input_<i> matching.
  std::string stem;
  SmallVector<int64_t> shape;
  std::vector<double> values;
};

FailureOr<Tensor> readPb(StringRef path, Location loc) {
  FailureOr<TensorFile> file = readTensorFile(path, loc);
  if (failed(file))
    return failure();
  Tensor tensor;
  tensor.name = file->name;
  tensor.shape.assign(file->value.getType().getShape().begin(),
                      file->value.getType().getShape().end());
  Type type = file->value.getElementType();
  if (isa<FloatType>(type)) {
    for (APFloat v : file->value.getValues<APFloat>()) {
      bool lost;
      v.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &lost);
      tensor.values.push_back(v.convertToDouble());
    }
  } else {
    bool isUnsigned = type.isUnsignedInteger() || type.isInteger(1);
    for (const APInt &v : file->value.getValues<APInt>())
      tensor.values.push_back(isUnsigned ? double(v.getZExtValue())
                                         : double(v.getSExtValue()));
  }
  return tensor;
}

/// NumPy's .npy format, read by hand since it is this simple: the magic
/// "\x93NUMPY", major and minor version bytes, the header length
/// (little-endian, 2 bytes in version 1, 4 in versions 2 and 3), a Python
/// dict literal such as
///   {'descr': '<f4', 'fortran_order': False, 'shape': (1, 28, 28), }
/// padded with spaces, then the raw elements in C order.
FailureOr<Tensor> readNpy(StringRef path, Location loc) {
  auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!file)
    return emitError(loc) << "cannot read '" << path
                          << "': " << file.getError().message();
  StringRef bytes = (*file)->getBuffer();
  auto invalid = [&](const Twine &why) {
    return emitError(loc) << "'" << path << "' is not a .npy file NumPy "
                          << "writes: " << why;
  };
  if (!bytes.starts_with("\x93NUMPY") || bytes.size() < 10)
    return invalid("no \\x93NUMPY magic");
  unsigned major = uint8_t(bytes[6]);
  size_t headerLength, offset;
  if (major == 1) {
    headerLength = uint8_t(bytes[8]) | uint8_t(bytes[9]) << 8;
    offset = 10;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12)
      return invalid("truncated header");
    headerLength = 0;
    for (unsigned i = 0; i < 4; ++i)
      headerLength |= size_t(uint8_t(bytes[8 + i])) << (8 * i);
    offset = 12;
  } else {
    return invalid("version " + Twine(major));
  }
  if (bytes.size() < offset + headerLength)
    return invalid("truncated header");
  StringRef header = bytes.substr(offset, headerLength);
  StringRef data = bytes.drop_front(offset + headerLength);

  // The value after 'key': in the dict literal.
  auto field = [&](StringRef key) -> StringRef {
    size_t at = header.find(("'" + key + "'").str());
    if (at == StringRef::npos)
      return {};
    StringRef rest = header.drop_front(at + key.size() + 2).ltrim();
    return rest.consume_front(":") ? rest.ltrim() : StringRef();
  };
  StringRef descr = field("descr");
  if (!descr.consume_front("'"))
    return invalid("no 'descr'");
  descr = descr.take_until([](char c) { return c == '\''; });
  if (field("fortran_order").starts_with("True"))
    return invalid("Fortran order is not supported; save a C-ordered array");
  StringRef shapeText = field("shape");
  if (!shapeText.consume_front("("))
    return invalid("no 'shape'");
  shapeText = shapeText.take_until([](char c) { return c == ')'; });
  Tensor tensor;
  tensor.name = tensor.stem = llvm::sys::path::stem(path).str();
  int64_t count = 1;
  for (StringRef dim : llvm::split(shapeText, ',')) {
    dim = dim.trim();
    if (dim.empty())
      continue;
    int64_t size;
    if (dim.getAsInteger(10, size) || size < 0)
      return invalid("bad shape '" + shapeText + "'");
    tensor.shape.push_back(size);
    count *= size;
  }

  // descr: byte order ('<', '>', '|', '='), kind, size in bytes.
  char order = descr.empty() ? 0 : descr.front();
  if (order == '<' || order == '>' || order == '|' || order == '=')
    descr = descr.drop_front();
  else
    order = '=';
  char kind = descr.empty() ? 0 : descr.front();
  unsigned size;
  if (descr.drop_front().getAsInteger(10, size) ||
      !StringRef("fiub").contains(kind) ||
      !(size == 1 || size == 2 || size == 4 || size == 8) ||
      (kind == 'f' && size == 1))
    return invalid("unsupported dtype '" + descr + "'");
  bool swap = order == '>' && size > 1; // hosts are little-endian
  if (data.size() < size_t(count) * size)
    return invalid("data shorter than its shape");
  tensor.values.reserve(count);
  for (int64_t i = 0; i < count; ++i) {
    uint64_t raw = 0;
    for (unsigned b = 0; b < size; ++b) {
      unsigned from = swap ? size - 1 - b : b;
      raw |= uint64_t(uint8_t(data[i * size + from])) << (8 * b);
    }
    double v;
    if (kind == 'f') {
      if (size == 2) {
        APFloat half(APFloat::IEEEhalf(), APInt(16, raw));
        v = half.convertToFloat();
      } else if (size == 4) {
        float f;
        uint32_t bits = raw;
        std::memcpy(&f, &bits, 4);
        v = f;
      } else {
        std::memcpy(&v, &raw, 8);
      }
    } else if (kind == 'i') {
      v = double(APInt(64, raw).trunc(size * 8).getSExtValue());
    } else {
      v = double(raw);
    }
    tensor.values.push_back(v);
  }
  return tensor;
}

bool isSampleFile(StringRef path) {
  StringRef name = llvm::sys::path::filename(path);
  return (name.ends_with(".pb") || name.ends_with(".npy")) &&
         !name.starts_with("output_");
}

FailureOr<Tensor> readSampleFile(StringRef path, Location loc) {
  FailureOr<Tensor> tensor =
      path.ends_with(".npy") ? readNpy(path, loc) : readPb(path, loc);
  if (succeeded(tensor))
    tensor->stem = llvm::sys::path::stem(path).str();
  return tensor;
}

//===----------------------------------------------------------------------===//
// Sample sets
//===----------------------------------------------------------------------===//

/// Files giving the model's inputs together: an ONNX test set folder, or
/// one file of a single-input model.
struct SampleSet {
  std::string label;
  std::vector<std::string> files;
};

/// Sorted paths of the entries of `dir` for which `keep` holds.
std::vector<std::string> listDir(StringRef dir,
                                 function_ref<bool(StringRef, bool)> keep,
                                 std::error_code &ec) {
  std::vector<std::string> paths;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    llvm::sys::fs::file_status status;
    if (llvm::sys::fs::status(it->path(), status))
      continue;
    if (keep(it->path(), llvm::sys::fs::is_directory(status)))
      paths.push_back(it->path());
  }
  llvm::sort(paths);
  return paths;
}

FailureOr<std::vector<SampleSet>>
findSampleSets(StringRef dir, size_t numInputs, Location loc) {
  std::error_code ec;
  std::vector<std::string> files = listDir(
      dir,
      [](StringRef path, bool isDir) { return !isDir && isSampleFile(path); },
      ec);
  std::vector<std::string> subdirs = listDir(
      dir, [](StringRef, bool isDir) { return isDir; }, ec);
  if (ec)
    return emitError(loc) << "cannot list --data '" << dir
                          << "': " << ec.message();
  std::vector<SampleSet> sets;
  if (numInputs == 1) {
    for (const std::string &file : files)
      sets.push_back({file, {file}});
  } else if (!files.empty()) {
    sets.push_back({dir.str(), files});
  }
  for (const std::string &subdir : subdirs) {
    std::vector<std::string> inner = listDir(
        subdir,
        [](StringRef path, bool isDir) { return !isDir && isSampleFile(path); },
        ec);
    if (ec)
      return emitError(loc)
             << "cannot list '" << subdir << "': " << ec.message();
    if (!inner.empty())
      sets.push_back({subdir, inner});
  }
  if (sets.empty())
    return emitError(loc) << "--data '" << dir
                          << "' holds no .pb or .npy sample files";
  return sets;
}

/// The tensors of `set` in the order of the model's inputs: by tensor name,
/// else by an input_<i> file stem, else by position.
FailureOr<std::vector<Tensor>> matchInputs(const SampleSet &set,
                                           ArrayRef<TensorInterface> inputs,
                                           Location loc) {
  std::vector<Tensor> tensors;
  for (const std::string &file : set.files) {
    FailureOr<Tensor> tensor = readSampleFile(file, loc);
    if (failed(tensor))
      return failure();
    tensors.push_back(std::move(*tensor));
  }
  std::vector<Tensor> matched(inputs.size());
  std::vector<bool> found(inputs.size(), false), used(tensors.size(), false);
  auto take = [&](size_t input, size_t t) {
    matched[input] = tensors[t];
    found[input] = used[t] = true;
  };
  for (auto [i, input] : llvm::enumerate(inputs))
    for (size_t t = 0; t < tensors.size() && !found[i]; ++t)
      if (!used[t] && tensors[t].name == input.onnxName)
        take(i, t);
  for (size_t i = 0; i < inputs.size(); ++i)
    for (size_t t = 0; t < tensors.size() && !found[i]; ++t)
      if (!used[t] && tensors[t].stem == "input_" + std::to_string(i))
        take(i, t);
  if (tensors.size() == inputs.size())
    for (size_t i = 0, t = 0; i < inputs.size(); ++i) {
      while (!found[i] && t < tensors.size() && used[t])
        ++t;
      if (!found[i] && t < tensors.size())
        take(i, t);
    }
  for (auto [i, input] : llvm::enumerate(inputs))
    if (!found[i])
      return emitError(loc) << "no tensor for input '" << input.onnxName
                            << "' in " << set.label;
  return matched;
}

/// How many samples `tensor` holds for `input`: one when the sizes agree,
/// else a batch along the first dimension.
FailureOr<int64_t> countSamples(const Tensor &tensor,
                                const TensorInterface &input, StringRef label,
                                Location loc) {
  int64_t size = input.numElements();
  int64_t have = tensor.values.size();
  if (have == size)
    return 1;
  if (!tensor.shape.empty() && size > 0 && tensor.shape[0] > 1 &&
      have == tensor.shape[0] * size)
    return tensor.shape[0];
  auto diag = emitError(loc)
              << "input '" << input.onnxName << "' takes " << size
              << " values, but " << label << " gives " << have;
  return diag;
}

void appendElement(std::string &bytes, double v, const TensorInterface &input) {
  char buffer[8];
  if (input.cType == "float") {
    float f = v;
    std::memcpy(buffer, &f, 4);
  } else if (input.cType == "double") {
    std::memcpy(buffer, &v, 8);
  } else {
    int64_t i = std::isfinite(v) ? int64_t(std::nearbyint(v)) : 0;
    for (unsigned b = 0; b < 8; ++b)
      buffer[b] = char(uint64_t(i) >> (8 * b));
  }
  bytes.append(buffer, input.elementBytes);
}

//===----------------------------------------------------------------------===//
// Statistics
//===----------------------------------------------------------------------===//

struct TensorStats {
  double min = INFINITY, max = -INFINITY;
  uint64_t count = 0;
  /// Histogram over [lo, hi], which contains 0, fixed after the first pass.
  double lo = 0, hi = 0;
  std::vector<uint64_t> counts;

  void observeRange(ArrayRef<float> values) {
    for (float v : values)
      if (std::isfinite(v)) {
        min = std::min<double>(min, v);
        max = std::max<double>(max, v);
        ++count;
      }
  }

  void fixBins(unsigned bins) {
    lo = count ? std::min(min, 0.0) : 0.0;
    hi = count ? std::max(max, 0.0) : 0.0;
    if (!(hi > lo))
      hi = lo + 1.0;
    counts.assign(bins, 0);
  }

  double width() const { return (hi - lo) / counts.size(); }
  double edge(size_t bin) const { return lo + bin * width(); }

  void observeHistogram(ArrayRef<float> values) {
    double scale = counts.size() / (hi - lo);
    int64_t last = counts.size() - 1;
    for (float v : values)
      if (std::isfinite(v))
        ++counts[std::clamp<int64_t>(int64_t((v - lo) * scale), 0, last)];
  }
};

/// The bin of the histogram where 0 lies, as a real position.
double zeroPosition(const TensorStats &s) { return -s.lo / s.width(); }

/// Windows [start, start + length) that shrink the histogram towards 0.
std::pair<size_t, size_t> shrinkWindow(const TensorStats &s, size_t length) {
  size_t bins = s.counts.size();
  double z = zeroPosition(s);
  double start = std::nearbyint(z * (1.0 - double(length) / bins));
  size_t first = std::clamp<double>(start, 0, bins - length);
  return {first, first + length};
}

/// Both tails lose (100 - p) / 2 % of the values; linear within a bin.
std::pair<double, double> percentileRange(const TensorStats &s, double p) {
  double total = 0;
  for (uint64_t c : s.counts)
    total += c;
  double tail = total * std::clamp(100.0 - p, 0.0, 100.0) / 200.0;
  if (total == 0 || tail <= 0)
    return {s.min, s.max};
  auto cut = [&](bool fromTop) {
    double seen = 0;
    size_t bins = s.counts.size();
    for (size_t k = 0; k < bins; ++k) {
      size_t bin = fromTop ? bins - 1 - k : k;
      double c = s.counts[bin];
      if (seen + c > tail) {
        double fraction = (tail - seen) / c;
        return fromTop ? s.edge(bin + 1) - fraction * s.width()
                       : s.edge(bin) + fraction * s.width();
      }
      seen += c;
    }
    return fromTop ? s.lo : s.hi;
  };
  // Like every chosen range, it contains 0, which quantization keeps exact:
  // the cut through a bin of zeros (ReLU's) keeps them.
  double lo = std::clamp(cut(false), std::min(s.min, 0.0), 0.0);
  double hi = std::clamp(cut(true), 0.0, std::max(s.max, 0.0));
  return {lo, hi};
}

/// Normalizes `p` and moves `eps` of mass onto its zero entries, as
/// calibrators do before a KL divergence; false if `p` is all zeros.
bool smooth(std::vector<double> &p, double eps = 1e-4) {
  double sum = 0;
  size_t zeros = 0;
  for (double v : p)
    sum += v, zeros += v == 0;
  if (sum <= 0 || zeros == p.size())
    return false;
  double take = eps * zeros / (p.size() - zeros);
  for (double &v : p)
    v = v == 0 ? eps : v / sum - take;
  return true;
}

/// TensorRT's entropy calibration, on windows shrinking towards 0: the
/// window's values (outliers folded into its end bins) against the same
/// values quantized to `levels` levels and spread back over the bins that
/// held values; the window of least KL divergence wins. As in TensorRT's
/// PyTorch calibrator, the bin of 0 counts as its neighbours do, so that
/// ReLU's zeros do not outweigh everything else.
std::pair<double, double> entropyRange(const TensorStats &s,
                                       size_t levels = 255) {
  size_t bins = s.counts.size();
  if (bins <= levels)
    return {s.min, s.max};
  std::vector<double> counts(s.counts.begin(), s.counts.end());
  size_t zeroBin = std::min<size_t>(zeroPosition(s), bins - 1);
  double neighbours = 0;
  unsigned numNeighbours = 0;
  for (size_t b : {zeroBin - 1, zeroBin + 1})
    if (b < bins)
      neighbours += counts[b], ++numNeighbours;
  counts[zeroBin] = numNeighbours ? neighbours / numNeighbours : 0;

  double best = INFINITY;
  std::pair<size_t, size_t> bestWindow = {0, bins};
  for (size_t length = levels; length <= bins; ++length) {
    auto [start, end] = shrinkWindow(s, length);
    std::vector<double> p(counts.begin() + start, counts.begin() + end);
    for (size_t b = 0; b < start; ++b)
      p.front() += counts[b];
    for (size_t b = end; b < bins; ++b)
      p.back() += counts[b];
    std::vector<double> q(length, 0.0);
    for (size_t level = 0; level < levels; ++level) {
      size_t from = level * length / levels;
      size_t to = (level + 1) * length / levels;
      double sum = 0;
      size_t nonzero = 0;
      for (size_t b = from; b < to; ++b) {
        sum += counts[start + b];
        nonzero += p[b] != 0;
      }
      if (nonzero)
        for (size_t b = from; b < to; ++b)
          q[b] = p[b] != 0 ? sum / nonzero : 0.0;
    }
    if (!smooth(p) || !smooth(q))
      continue;
    double kl = 0;
    for (size_t b = 0; b < length; ++b)
      kl += p[b] * std::log(p[b] / q[b]);
    if (kl < best)
      best = kl, bestWindow = {start, end};
  }
  double lo = std::max(s.edge(bestWindow.first), std::min(s.min, 0.0));
  double hi = std::min(s.edge(bestWindow.second), std::max(s.max, 0.0));
  return {lo, hi};
}

/// The window whose u8 asymmetric quantization (as qnt-insert-qdq derives
/// it) has the least squared error over the histogram, at bin centres.
std::pair<double, double> mseRange(const TensorStats &s) {
  size_t bins = s.counts.size();
  size_t step = std::max<size_t>(1, bins / 512);
  double best = INFINITY;
  std::pair<double, double> bestRange = {s.min, s.max};
  for (size_t length = bins;; length -= step) {
    auto [start, end] = shrinkWindow(s, length);
    double lo = std::min(s.edge(start), 0.0), hi = std::max(s.edge(end), 0.0);
    double scale = (hi - lo) / 255.0;
    double zeroPoint = std::clamp(std::nearbyint(-lo / scale), 0.0, 255.0);
    double error = 0;
    for (size_t b = 0; b < bins; ++b) {
      if (!s.counts[b])
        continue;
      double x = s.edge(b) + 0.5 * s.width();
      double q = std::clamp(std::nearbyint(x / scale) + zeroPoint, 0.0, 255.0);
      double d = x - (q - zeroPoint) * scale;
      error += s.counts[b] * d * d;
    }
    if (error < best)
      best = error, bestRange = {std::max(s.edge(start), std::min(s.min, 0.0)),
                                 std::min(s.edge(end), std::max(s.max, 0.0))};
    if (length <= step)
      break;
  }
  return bestRange;
}

std::pair<double, double> chooseRange(const TensorStats &s) {
  if (!s.count)
    return {0.0, 0.0};
  switch (method) {
  case Method::MinMax:
    return {s.min, s.max};
  case Method::Percentile:
    return percentileRange(s, percentile);
  case Method::Entropy:
    return entropyRange(s);
  case Method::MSE:
    return mseRange(s);
  }
  llvm_unreachable("unknown method");
}

StringRef methodName() {
  switch (method) {
  case Method::MinMax:
    return "minmax";
  case Method::Percentile:
    return "percentile";
  case Method::Entropy:
    return "entropy";
  case Method::MSE:
    return "mse";
  }
  llvm_unreachable("unknown method");
}

/// One line per tensor, in name order, so that files diff well.
void writeStatistics(llvm::raw_ostream &os,
                     const std::map<std::string, TensorStats> &stats,
                     int64_t samples) {
  os << "{\n  \"format\": \"quantc-calibration\",\n  \"version\": 1,\n"
     << "  \"method\": \"" << methodName() << "\",\n";
  if (method == Method::Percentile)
    os << "  \"percentile\": " << llvm::json::Value(percentile.getValue())
       << ",\n";
  os << "  \"bins\": " << numBins << ",\n  \"samples\": " << samples
     << ",\n  \"tensors\": {";
  bool first = true;
  for (const auto &[name, s] : stats) {
    auto [lo, hi] = chooseRange(s);
    llvm::json::Array counts;
    for (uint64_t c : s.counts)
      counts.push_back(int64_t(c));
    llvm::json::Object entry{
        {"min", s.count ? s.min : 0.0},
        {"max", s.count ? s.max : 0.0},
        {"count", int64_t(s.count)},
        {"range", llvm::json::Array{lo, hi}},
        {"histogram", llvm::json::Object{{"lo", s.lo},
                                         {"hi", s.hi},
                                         {"counts", std::move(counts)}}}};
    os << (first ? "\n    " : ",\n    ") << llvm::json::Value(name) << ": "
       << llvm::json::Value(std::move(entry));
    first = false;
  }
  os << "\n  }\n}\n";
}

//===----------------------------------------------------------------------===//
// The augmented model
//===----------------------------------------------------------------------===//

/// Adds every tensor a node consumes, and no graph output yet, as an
/// output. Types are left to the importer.
void observeIntermediates(onnx::GraphProto &graph) {
  std::set<std::string> known;
  for (const onnx::ValueInfoProto &output : graph.output())
    known.insert(output.name());
  for (const onnx::ValueInfoProto &input : graph.input())
    known.insert(input.name());
  for (const onnx::TensorProto &init : graph.initializer())
    known.insert(init.name());
  std::set<std::string> produced;
  for (const onnx::NodeProto &node : graph.node())
    for (const std::string &output : node.output())
      produced.insert(output);
  std::vector<std::string> consumed;
  for (const onnx::NodeProto &node : graph.node())
    for (const std::string &input : node.input())
      if (produced.count(input) && known.insert(input).second)
        consumed.push_back(input);
  for (const std::string &name : consumed)
    graph.add_output()->set_name(name);
}

/// Moves external initializer data into the model, which is compiled from
/// another folder. Locations must stay inside `modelDir`.
LogicalResult inlineExternalData(onnx::GraphProto &graph, StringRef modelDir,
                                 Location loc) {
  for (onnx::TensorProto &tensor : *graph.mutable_initializer()) {
    if (tensor.data_location() != onnx::TensorProto::EXTERNAL)
      continue;
    std::string location;
    uint64_t offset = 0, length = 0;
    bool hasLength = false;
    for (const onnx::StringStringEntryProto &entry : tensor.external_data()) {
      if (entry.key() == "location")
        location = entry.value();
      else if (entry.key() == "offset")
        offset = std::stoull(entry.value());
      else if (entry.key() == "length")
        length = std::stoull(entry.value()), hasLength = true;
    }
    if (location.empty() || llvm::sys::path::is_absolute(location) ||
        StringRef(location).contains(".."))
      return emitError(loc) << "initializer '" << tensor.name()
                            << "' has external data outside the model's "
                               "folder";
    SmallString<128> path(modelDir);
    llvm::sys::path::append(path, location);
    auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
    if (!file)
      return emitError(loc) << "cannot read external data '" << path
                            << "': " << file.getError().message();
    StringRef bytes = (*file)->getBuffer();
    if (offset > bytes.size() || (hasLength && length > bytes.size() - offset))
      return emitError(loc) << "external data of '" << tensor.name()
                            << "' lies outside '" << path << "'";
    bytes = bytes.drop_front(offset);
    if (hasLength)
      bytes = bytes.take_front(length);
    tensor.set_raw_data(bytes.str());
    tensor.clear_external_data();
    tensor.set_data_location(onnx::TensorProto::DEFAULT);
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Running
//===----------------------------------------------------------------------===//

std::string findCompiler() {
  const char *cc = getenv("CC");
  for (StringRef name :
       {StringRef(cc ? cc : ""), StringRef("cc"), StringRef("clang-22"),
        StringRef("gcc"), StringRef("clang")}) {
    if (name.empty())
      continue;
    if (auto path = llvm::sys::findProgramByName(name))
      return *path;
  }
  return {};
}

std::string readText(StringRef path) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  return buffer ? (*buffer)->getBuffer().rtrim().str() : std::string();
}

LogicalResult writeFile(StringRef path, StringRef bytes, Location loc) {
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec, llvm::sys::fs::OF_None);
  if (ec)
    return emitError(loc) << "cannot write '" << path << "': " << ec.message();
  os << bytes;
  return success();
}

/// A progress bar on standard error, when it is a terminal.
class Progress {
public:
  void update(StringRef phase, double fraction) {
    if (!enabled)
      return;
    int percent = std::clamp(int(fraction * 100), 0, 100);
    if (phase == lastPhase && percent == lastPercent)
      return;
    lastPhase = phase.str(), lastPercent = percent;
    int filled = percent * 30 / 100;
    llvm::errs() << "\rcalibrate: " << phase << " [" << std::string(filled, '#')
                 << std::string(30 - filled, ' ') << "] " << percent << "%";
    llvm::errs().flush();
  }
  void finish() {
    if (enabled && lastPercent >= 0)
      llvm::errs() << "\n";
  }

private:
  bool enabled = llvm::sys::Process::StandardErrIsDisplayed();
  std::string lastPhase;
  int lastPercent = -1;
};

/// The compiled, linked model and where its files go.
struct Runner {
  ModelInterface model;
  std::string program;
  std::vector<std::string> inputFiles, outputFiles;
  std::string log;
  unsigned timeout = 600;

  LogicalResult run(ArrayRef<std::string> inputBytes, Location loc) const {
    for (auto [path, bytes] : llvm::zip(inputFiles, inputBytes))
      if (failed(writeFile(path, bytes, loc)))
        return failure();
    SmallVector<StringRef> argv = {program};
    for (const std::string &f : inputFiles)
      argv.push_back(f);
    for (const std::string &f : outputFiles)
      argv.push_back(f);
    std::optional<StringRef> redirects[] = {std::nullopt, StringRef(log),
                                            StringRef(log)};
    std::string error;
    int code = llvm::sys::ExecuteAndWait(program, argv, std::nullopt, redirects,
                                         timeout, 0, &error);
    if (code != 0)
      return emitError(loc) << "the float model failed (exit " << code
                            << (error.empty() ? "" : ": " + error) << ")\n"
                            << readText(log);
    return success();
  }
};

LogicalResult buildRunner(MLIRContext &context, const CompileOptions &options,
                          StringRef work, Runner &runner) {
  Location loc = FileLineColLoc::get(&context, options.modelPath, 0, 0);
  auto at = [&](StringRef file) {
    SmallString<128> path(work);
    llvm::sys::path::append(path, file);
    return std::string(path);
  };
  auto buffer = llvm::MemoryBuffer::getFile(options.modelPath,
                                            /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!buffer)
    return emitError(loc) << "cannot read the model: "
                          << buffer.getError().message();
  onnx::ModelProto model;
  if ((*buffer)->getBufferSize() > size_t(INT_MAX) ||
      !model.ParseFromArray((*buffer)->getBufferStart(),
                            int((*buffer)->getBufferSize())))
    return emitError(loc) << "quantc calibrate reads binary ONNX models; this "
                             "is not one";
  observeIntermediates(*model.mutable_graph());
  if (failed(inlineExternalData(*model.mutable_graph(),
                                llvm::sys::path::parent_path(options.modelPath),
                                loc)))
    return failure();
  std::string augmented = at(llvm::sys::path::filename(options.modelPath));
  std::string bytes;
  if (!model.SerializeToString(&bytes) ||
      failed(writeFile(augmented, bytes, loc)))
    return emitError(loc) << "cannot write the observed model";

  CompileOptions compile = options;
  compile.modelPath = augmented;
  compile.name = "calibration_model";
  compile.calibration.clear();
  compile.emit = Stage::Obj;
  compile.target = TargetOptions();
  CompileResult compiled;
  if (failed(compileModel(context, compile, compiled)))
    return failure();
  runner.model = compiled.interface;

  std::string header = runner.model.name + ".h", headerText, runnerText;
  {
    llvm::raw_string_ostream os(headerText);
    writeCHeader(runner.model, os);
    llvm::raw_string_ostream ros(runnerText);
    writeRunnerSource(runner.model, header, ros);
  }
  if (failed(writeFile(
          at("model.o"),
          StringRef(compiled.output.data(), compiled.output.size()), loc)) ||
      failed(writeFile(at(header), headerText, loc)) ||
      failed(writeFile(at("runner.c"), runnerText, loc)))
    return failure();
  std::string compiler = findCompiler();
  if (compiler.empty())
    return emitError(loc) << "no C compiler (cc, clang-22 or gcc) to link "
                             "the calibration runner";
  runner.log = at("log.txt");
  runner.program = at("runner");
  SmallVector<StringRef> linkArgs = {compiler, "-std=c11", "-O1", "-o",
                                     runner.program};
  std::string runnerSource = at("runner.c"), object = at("model.o");
  linkArgs.append({runnerSource, object, "-lm"});
  std::optional<StringRef> redirects[] = {std::nullopt, StringRef(runner.log),
                                          StringRef(runner.log)};
  std::string error;
  if (llvm::sys::ExecuteAndWait(compiler, linkArgs, std::nullopt, redirects,
                                runner.timeout, 0, &error) != 0)
    return emitError(loc) << "linking the calibration runner failed: " << error
                          << "\n"
                          << readText(runner.log);
  for (size_t i = 0; i < runner.model.inputs.size(); ++i)
    runner.inputFiles.push_back(at("input_" + std::to_string(i) + ".bin"));
  for (size_t i = 0; i < runner.model.outputs.size(); ++i)
    runner.outputFiles.push_back(at("output_" + std::to_string(i) + ".bin"));
  return success();
}

/// The float values of a raw output file.
FailureOr<std::vector<float>>
readOutput(StringRef path, const TensorInterface &output, Location loc) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!buffer)
    return emitError(loc) << "the runner wrote no '" << path << "'";
  StringRef bytes = (*buffer)->getBuffer();
  std::vector<float> values(bytes.size() / output.elementBytes);
  for (size_t i = 0; i < values.size(); ++i) {
    if (output.cType == "double") {
      double d;
      std::memcpy(&d, bytes.data() + 8 * i, 8);
      values[i] = d;
    } else {
      std::memcpy(&values[i], bytes.data() + 4 * i, 4);
    }
  }
  return values;
}

bool isObserved(const TensorInterface &tensor) {
  return tensor.cType == "float" || tensor.cType == "double";
}

/// Runs every sample through the model, handing each observed tensor's
/// values to `observe(name, values)`.
LogicalResult
forEachSample(const Runner &runner, ArrayRef<SampleSet> sets, Location loc,
              Progress &progress, StringRef phase, int64_t &samples,
              function_ref<void(StringRef, ArrayRef<float>)> observe) {
  const ModelInterface &model = runner.model;
  samples = 0;
  for (auto [setIndex, set] : llvm::enumerate(sets)) {
    FailureOr<std::vector<Tensor>> tensors =
        matchInputs(set, model.inputs, loc);
    if (failed(tensors))
      return failure();
    int64_t batch = 1;
    SmallVector<int64_t> counts;
    for (auto [tensor, input] : llvm::zip(*tensors, model.inputs)) {
      FailureOr<int64_t> count = countSamples(tensor, input, set.label, loc);
      if (failed(count))
        return failure();
      counts.push_back(*count);
      if (*count > 1 && batch > 1 && *count != batch)
        return emitError(loc) << set.label
                              << " holds batches of different "
                                 "sizes";
      batch = std::max(batch, *count);
    }
    for (int64_t b = 0; b < batch; ++b) {
      std::vector<std::string> inputBytes;
      for (auto [i, input] : llvm::enumerate(model.inputs)) {
        const Tensor &tensor = (*tensors)[i];
        size_t size = input.numElements();
        size_t begin = counts[i] > 1 ? b * size : 0;
        ArrayRef<double> values(tensor.values.data() + begin, size);
        std::string bytes;
        bytes.reserve(size * input.elementBytes);
        for (double v : values)
          appendElement(bytes, v, input);
        inputBytes.push_back(std::move(bytes));
        if (isObserved(input)) {
          std::vector<float> asFloat(values.begin(), values.end());
          observe(input.onnxName, asFloat);
        }
      }
      if (failed(runner.run(inputBytes, loc)))
        return failure();
      for (auto [i, output] : llvm::enumerate(model.outputs)) {
        if (!isObserved(output))
          continue;
        FailureOr<std::vector<float>> values =
            readOutput(runner.outputFiles[i], output, loc);
        if (failed(values))
          return failure();
        observe(output.onnxName, *values);
      }
      ++samples;
      progress.update(phase, (setIndex + double(b + 1) / batch) / sets.size());
    }
  }
  return success();
}

} // namespace

int mlir::quantc::calibrateCommand(MLIRContext &context,
                                   const CompileOptions &compile,
                                   StringRef outputPath) {
  Location loc = FileLineColLoc::get(&context, "<command line>", 0, 0);
  if (dataDir.empty())
    return emitError(loc) << "quantc calibrate needs --data DIR", 1;
  if (numBins < 16)
    return emitError(loc) << "--bins must be at least 16", 1;
  if (!(percentile > 0 && percentile <= 100))
    return emitError(loc) << "--percentile must be in (0, 100]", 1;

  SmallString<128> work;
  if (llvm::sys::fs::createUniqueDirectory("quantc-calibrate", work))
    return emitError(loc) << "cannot create a temporary folder", 1;
  auto cleanup =
      llvm::scope_exit([&] { llvm::sys::fs::remove_directories(work); });

  Runner runner;
  if (failed(buildRunner(context, compile, work, runner)))
    return 1;
  FailureOr<std::vector<SampleSet>> sets =
      findSampleSets(dataDir, runner.model.inputs.size(), loc);
  if (failed(sets))
    return 1;

  std::map<std::string, TensorStats> stats;
  Progress progress;
  int64_t samples = 0;
  if (failed(forEachSample(runner, *sets, loc, progress, "min/max  ", samples,
                           [&](StringRef name, ArrayRef<float> values) {
                             stats[name.str()].observeRange(values);
                           })))
    return progress.finish(), 1;
  for (auto &entry : stats)
    entry.second.fixBins(numBins);
  if (failed(forEachSample(runner, *sets, loc, progress, "histogram", samples,
                           [&](StringRef name, ArrayRef<float> values) {
                             stats[name.str()].observeHistogram(values);
                           })))
    return progress.finish(), 1;
  progress.finish();

  std::string error;
  auto output = openOutputFile(outputPath.empty() ? "-" : outputPath, &error);
  if (!output)
    return emitError(loc) << error, 1;
  writeStatistics(output->os(), stats, samples);
  output->keep();
  return 0;
}
