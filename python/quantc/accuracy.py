"""Accuracy of post-training quantization, measured on real sample data.

Every model in shared/models/float is compiled twice by `quantc compile`:
as float (the fp32 reference, which matches ONNX Runtime) and quantized with
the statistics `quantc calibrate --method=M` gathered on calibration samples.
Both shared libraries are loaded with ctypes and run on evaluation samples
disjoint from the calibration ones; classifiers report how often the
quantized model's top-1 class agrees with the float model's, regressors and
detectors the signal-to-quantization-noise ratio of their outputs.

The samples come from Debian packages (python3-sklearn's digits,
dataset-fashion-mnist, python3-skimage's photographs); everything is seeded,
so two runs write the same report.

    PYTHONPATH=python /usr/bin/python3 -m quantc.accuracy \\
        --quantc build/bin/quantc -o docs/Accuracy.md
"""

import argparse
import ctypes
import dataclasses
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import time
import zlib
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence

import numpy as np

from quantc import error_budget

METHODS = ("minmax", "percentile", "entropy", "mse")
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MODELS_DIR = ROOT.parent / "shared" / "models" / "float"
FASHION_DIR = Path("/usr/share/datasets/fashion-mnist")

# Goals of the accuracy issue, met by per-channel weights with entropy or
# percentile calibration.
GOAL_METHODS = ("entropy", "percentile")
GOAL_AGREEMENT = 99.0
GOAL_SQNR = 25.0


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def rng_for(seed: int, label: str) -> np.random.RandomState:
    """A generator per (seed, purpose), so adding a model changes no other."""
    return np.random.RandomState((seed + zlib.crc32(label.encode())) % 2**32)


# ===----------------------------------------------------------------------===
# Data: MNIST-style digits
# ===----------------------------------------------------------------------===


def load_digits_28() -> (np.ndarray, np.ndarray):
    """sklearn's 1797 8x8 digits as MNIST-like 28x28 images in [0, 1].

    MNIST fits each digit in a 20x20 box and centres its centre of mass in
    a 28x28 white-on-black image; the 8x8 digits (0..16, ink high) are
    upscaled bicubically to 20x20 and placed the same way.
    """
    from scipy import ndimage
    from sklearn.datasets import load_digits
    from skimage.transform import resize

    digits = load_digits()
    images = np.empty((len(digits.images), 28, 28), np.float32)
    for i, image in enumerate(digits.images):
        big = resize(image / 16.0, (20, 20), order=3, mode="edge")
        padded = np.pad(np.clip(big, 0, 1), 4)
        cy, cx = ndimage.center_of_mass(padded)
        images[i] = np.clip(ndimage.shift(padded, (14 - cy, 14 - cx),
                                          order=1), 0, 1)
    return images, digits.target.astype(np.int64)


def load_fashion_28(count: int) -> np.ndarray:
    """The first `count` Fashion-MNIST test images, in [0, 1]."""
    with gzip.open(FASHION_DIR / "t10k-images-idx3-ubyte.gz", "rb") as f:
        raw = f.read()
    images = np.frombuffer(raw, np.uint8, offset=16).reshape(-1, 28, 28)
    return images[:count].astype(np.float32) / 255.0


def digits_split(seed: int, calib: int, evaluate: int):
    """Disjoint calibration and evaluation digits, by a seeded permutation."""
    images, labels = load_digits_28()
    order = rng_for(seed, "digits").permutation(len(images))
    calib = min(calib, len(images))
    evaluate = min(evaluate, len(images) - calib)
    c, e = order[:calib], order[calib:calib + evaluate]
    return images[c], images[e], labels[e]


# ===----------------------------------------------------------------------===
# Data: photographs
# ===----------------------------------------------------------------------===

# skimage.data photographs (cat() is chelsea(), so only chelsea is used).
# The two sets share no photograph.
CALIB_PHOTOS = ("chelsea", "rocket", "hubble_deep_field",
                "immunohistochemistry", "camera", "moon")
EVAL_PHOTOS = ("astronaut", "coffee", "stereo_motorcycle", "retina", "coins",
               "grass")


def load_photo(name: str) -> np.ndarray:
    """skimage.data photograph `name` as HxWx3 float RGB in [0, 1]."""
    import skimage.data

    image = getattr(skimage.data, name)()
    if isinstance(image, tuple):  # stereo_motorcycle: (left, right, disp)
        image = image[0]
    image = np.asarray(image, np.float32)
    if image.max() > 1.0:
        image /= 255.0
    if image.ndim == 2:
        image = np.repeat(image[:, :, None], 3, axis=2)
    return image[:, :, :3]


def random_crops(photos: Sequence[str], count: int, height: int, width: int,
                 rng: np.random.RandomState) -> np.ndarray:
    """`count` crops (N x H x W x 3 in [0, 1]) cycling over `photos`.

    Each crop has the target's aspect ratio, a random size between 30% and
    100% of the largest that fits, a random place and a random horizontal
    flip, and is resized to height x width with antialiasing.
    """
    from skimage.transform import resize

    images = [load_photo(name) for name in photos]
    crops = np.empty((count, height, width, 3), np.float32)
    for i in range(count):
        image = images[i % len(images)]
        h, w = image.shape[:2]
        fit = min(h / height, w / width)
        scale = fit * rng.uniform(0.3, 1.0)
        ch, cw = max(8, int(height * scale)), max(8, int(width * scale))
        y, x = rng.randint(0, h - ch + 1), rng.randint(0, w - cw + 1)
        crop = image[y:y + ch, x:x + cw]
        if rng.rand() < 0.5:
            crop = crop[:, ::-1]
        crops[i] = resize(crop, (height, width), order=1, mode="edge",
                          anti_aliasing=True)
    return crops


def luma(rgb: np.ndarray) -> np.ndarray:
    """ITU-R BT.601 Y of RGB in [0, 1], as the super-resolution model takes."""
    return rgb @ np.array([0.299, 0.587, 0.114], np.float32)


# ===----------------------------------------------------------------------===
# Models
# ===----------------------------------------------------------------------===


@dataclasses.dataclass
class Samples:
    """Model inputs (a batch along the first axis), and what they are."""
    calib: np.ndarray
    evaluate: np.ndarray
    description: str
    labels: Optional[np.ndarray] = None  # ground truth of `evaluate`
    extra: Optional[np.ndarray] = None  # out-of-distribution evaluation
    disjoint: bool = True


@dataclasses.dataclass
class ModelSpec:
    name: str
    kind: str  # "classifier" or "regressor"
    data: Callable[["Options"], Samples]
    # Output names grouped into the SQNR figures a regressor reports.
    sqnr_groups: Optional[Dict[str, Sequence[int]]] = None
    note: str = ""
    # Compile the model with repeated computations merged (see dedupe_model).
    dedupe: bool = False
    # A quantized model of the same network from elsewhere (a folder of
    # shared/models), measured the same way for comparison.
    quantized_reference: str = ""


MNIST_NORM = {
    # Each model's input scaling is the one of these under which its float
    # version classifies the digits best (the report lists that accuracy).
    "unit": lambda x: x,
    "byte": lambda x: x * 255.0,
    "standard": lambda x: (x - 0.1307) / 0.3081,
}


def mnist_data(norm: str, flat: bool):
    def make(opts: "Options") -> Samples:
        calib, evaluate, labels = digits_split(opts.seed, opts.digits_calib,
                                               opts.digits_eval)
        fashion = load_fashion_28(opts.fashion) if opts.fashion else None
        shape = (-1, 784) if flat else (-1, 1, 28, 28)
        f = MNIST_NORM[norm]
        prep = lambda x: f(x).reshape(shape).astype(np.float32)
        return Samples(
            prep(calib), prep(evaluate),
            f"sklearn digits upscaled to 28x28, normalization '{norm}'",
            labels=labels,
            extra=None if fashion is None else prep(fashion))
    return make


IMAGENET_MEAN = np.array([0.485, 0.456, 0.406], np.float32)
IMAGENET_STD = np.array([0.229, 0.224, 0.225], np.float32)


def imagenet_data(size: int, calib: str, evaluate: str):
    def make(opts: "Options") -> Samples:
        def prep(crops):
            x = (crops - IMAGENET_MEAN) / IMAGENET_STD
            return np.ascontiguousarray(x.transpose(0, 3, 1, 2), np.float32)
        c = random_crops(CALIB_PHOTOS, getattr(opts, calib), size, size,
                         rng_for(opts.seed, "imagenet-calib"))
        e = random_crops(EVAL_PHOTOS, getattr(opts, evaluate), size, size,
                         rng_for(opts.seed, "imagenet-eval"))
        return Samples(prep(c), prep(e), "photo crops, ImageNet mean/std")
    return make


def ultraface_data(opts: "Options") -> Samples:
    def prep(crops):
        x = (crops * 255.0 - 127.0) / 128.0
        return np.ascontiguousarray(x.transpose(0, 3, 1, 2), np.float32)
    c = random_crops(CALIB_PHOTOS, opts.photo_calib, 240, 320,
                     rng_for(opts.seed, "ultraface-calib"))
    e = random_crops(EVAL_PHOTOS, opts.photo_eval, 240, 320,
                     rng_for(opts.seed, "ultraface-eval"))
    return Samples(prep(c), prep(e), "photo crops 320x240, (RGB-127)/128")


def super_resolution_data(opts: "Options") -> Samples:
    def prep(crops):
        return luma(crops)[:, None, :, :].astype(np.float32)
    c = random_crops(CALIB_PHOTOS, opts.sr_calib, 224, 224,
                     rng_for(opts.seed, "sr-calib"))
    e = random_crops(EVAL_PHOTOS, opts.sr_eval, 224, 224,
                     rng_for(opts.seed, "sr-eval"))
    return Samples(prep(c), prep(e), "Y channel of photo crops, [0, 1]")


def sine_data(opts: "Options") -> Samples:
    """Random x in [0, 2pi) to calibrate; a grid offset from them to test."""
    calib = rng_for(opts.seed, "sine").uniform(0, 2 * np.pi, opts.sine_calib)
    step = 2 * np.pi / opts.sine_eval
    grid = (np.arange(opts.sine_eval) + 0.5) * step
    assert not np.intersect1d(calib.astype(np.float32),
                              grid.astype(np.float32)).size
    return Samples(calib.astype(np.float32).reshape(-1, 1),
                   grid.astype(np.float32).reshape(-1, 1),
                   "x in [0, 2pi): uniform random (calibration), "
                   "midpoint grid (evaluation)")


def test_vector_data(model: str):
    """The model's own test vectors, for models no Debian data fits."""
    def make(opts: "Options") -> Samples:
        import onnx
        from onnx import numpy_helper

        folder = opts.models_dir / model
        inputs = [numpy_helper.to_array(onnx.load_tensor(str(p)))
                  for p in sorted(folder.glob("test_data_set*/input_0.pb"))]
        batch = np.concatenate(inputs).astype(np.float32)
        return Samples(batch, batch, "the model's own test vector",
                       disjoint=False)
    return make


MODELS = [
    ModelSpec("onnx_zoo_mnist_8", "classifier", mnist_data("byte", False)),
    ModelSpec("burn_mnist_cnn", "classifier", mnist_data("standard", False)),
    ModelSpec("onnx_mlir_mnist", "classifier",
              mnist_data("standard", False)),
    ModelSpec("ort_mnist_mlp_original", "classifier", mnist_data("unit", True),
              note="its float model classifies the digits at chance level "
                   "under every normalization tried ([0, 1], 0..255, "
                   "MNIST's mean/std, transposed), so its inputs are real "
                   "images but its decisions are not meaningful ones"),
    ModelSpec("onnx2c_pytorch_mnist_mlp", "classifier",
              mnist_data("unit", True)),
    ModelSpec("mobilenetv2_float", "classifier",
              imagenet_data(244, "photo_calib", "photo_eval"),
              quantized_reference="quantized/mobilenetv2_qdq_pytorch"),
    ModelSpec("winml_speech_recog_squeezenet", "classifier",
              test_vector_data("winml_speech_recog_squeezenet"),
              note="no spoken-word recordings in Debian; its one test "
                   "vector (seeded noise) calibrates and evaluates"),
    ModelSpec("ort_test_voice_commands", "classifier",
              test_vector_data("ort_test_voice_commands"),
              note="no data in Debian for its 6 input features; its one "
                   "test vector calibrates and evaluates"),
    ModelSpec("onnx_zoo_super_resolution_10", "regressor",
              super_resolution_data),
    ModelSpec("ultraface_slim_320", "regressor", ultraface_data,
              sqnr_groups={"scores": [0], "boxes": [1]}, dedupe=True,
              note="its box decoding computes `Div(Slice(390, 2:), 2)` "
                   "twice (tensors 394 and 399). The report compiles and "
                   "calibrates the same graph with the repeated Slice and "
                   "Div merged at the ONNX level (the same computation), "
                   "as it did when two graph outputs of one value crashed "
                   "`quantc compile`; `qnt-distinct-results` has fixed "
                   "that since"),
    ModelSpec("burn_sine_mlp", "regressor", sine_data),
    ModelSpec("onnx2c_tflm_hello_world_sine", "regressor", sine_data),
]


# ===----------------------------------------------------------------------===
# Compiled models through ctypes
# ===----------------------------------------------------------------------===

C_TYPES = {"float": np.float32, "double": np.float64, "int8_t": np.int8,
           "uint8_t": np.uint8, "int16_t": np.int16, "int32_t": np.int32,
           "int64_t": np.int64}
TENSOR_COMMENT = re.compile(
    r'/\* (input|output) (\d+): "(.*)", (\w+)((?:\[\d+\])*)')


@dataclasses.dataclass
class TensorSig:
    name: str
    dtype: type
    shape: List[int]


def parse_header(text: str):
    """The inputs and outputs a quantc header declares, in call order."""
    inputs, outputs = [], []
    for role, _, name, ctype, dims in TENSOR_COMMENT.findall(text):
        shape = [int(d) for d in re.findall(r"\d+", dims)]
        sig = TensorSig(name, C_TYPES[ctype], shape)
        (inputs if role == "input" else outputs).append(sig)
    return inputs, outputs


class CompiledModel:
    """A model compiled to a shared library, run one sample at a time."""

    def __init__(self, library: Path, header: Path, name: str):
        self.inputs, self.outputs = parse_header(header.read_text())
        self.library = library
        self.lib = ctypes.CDLL(str(library))
        self.lib[f"{name}_workspace_size"].restype = ctypes.c_size_t
        size = self.lib[f"{name}_workspace_size"]()
        self.workspace = np.zeros(max(size, 1) + 64, np.uint8)
        offset = (-self.workspace.ctypes.data) % 64
        self.workspace_ptr = self.workspace.ctypes.data + offset
        self.fn = self.lib[f"{name}_run"]
        self.fn.restype = None
        self.out_buffers = [np.zeros(o.shape, o.dtype) for o in self.outputs]

    def run(self, *inputs: np.ndarray) -> List[np.ndarray]:
        args = []
        keep = []
        for sig, value in zip(self.inputs, inputs):
            array = np.ascontiguousarray(value, sig.dtype).reshape(sig.shape)
            keep.append(array)
            args.append(ctypes.c_void_p(array.ctypes.data))
        args += [ctypes.c_void_p(b.ctypes.data) for b in self.out_buffers]
        args.append(ctypes.c_void_p(self.workspace_ptr))
        self.fn(*args)
        return [b.copy() for b in self.out_buffers]

    def run_batch(self, batch: np.ndarray) -> List[np.ndarray]:
        """Outputs stacked over the samples of a single-input batch."""
        results = [self.run(sample) for sample in batch]
        return [np.stack([r[i] for r in results])
                for i in range(len(self.outputs))]


def dedupe_model(source: Path, target: Path) -> Path:
    """Writes `source` with nodes that repeat an earlier node (same op,
    inputs and attributes) removed and their outputs renamed to the earlier
    node's: the same function, without values computed twice."""
    import onnx

    model = onnx.load(str(source))
    graph_outputs = {o.name for o in model.graph.output}
    seen, rename, kept = {}, {}, []
    for node in model.graph.node:
        for i, name in enumerate(node.input):
            node.input[i] = rename.get(name, name)
        key = (node.domain, node.op_type, tuple(node.input),
               tuple(a.SerializeToString() for a in node.attribute))
        if key in seen and not graph_outputs & set(node.output):
            rename.update(zip(node.output, seen[key].output))
            continue
        seen.setdefault(key, node)
        kept.append(node)
    del model.graph.node[:]
    model.graph.node.extend(kept)
    onnx.save(model, str(target))
    return target


def run_batch_cached(model: "CompiledModel", batch: np.ndarray,
                     cache: Path) -> List[np.ndarray]:
    """model.run_batch(batch), kept in `cache` (.npz) for the same library
    and inputs."""
    key = fingerprint(model.library, hashlib.sha1(batch.tobytes()).hexdigest(),
                      batch.shape)
    if cache.exists():
        saved = np.load(cache)
        if str(saved["key"]) == key:
            return [saved[f"out{i}"] for i in range(len(model.outputs))]
    outputs = model.run_batch(batch)
    np.savez(cache, key=key, **{f"out{i}": o for i, o in enumerate(outputs)})
    return outputs


def run_tool(args: Sequence[str]) -> None:
    result = subprocess.run([str(a) for a in args], capture_output=True,
                            text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))} failed:\n"
                           f"{result.stderr[-4000:]}")


def fingerprint(*parts) -> str:
    """A digest of `parts`; files count by their contents (so a tool's
    arguments go in as text: the product among them would key itself)."""
    digest = hashlib.sha1()
    for part in parts:
        if isinstance(part, Path) and part.is_file():
            digest.update(part.read_bytes())
        else:
            digest.update(str(part).encode())
        digest.update(b"\0")
    return digest.hexdigest()


def run_cached(args: Sequence, product: Path, key: str) -> None:
    """Runs `args` unless `product` exists from a run with the same key, so
    a rerun in the same --work-dir redoes only what changed."""
    stamp = product.with_name(product.name + ".key")
    if product.exists() and stamp.exists() and stamp.read_text() == key:
        return
    run_tool(args)
    stamp.write_text(key)


def compile_model(opts: "Options", model: Path, out: Path, name: str,
                  calibration: Optional[Path] = None) -> CompiledModel:
    args = [opts.quantc, "compile", model, "--shared", "-o", out / f"{name}.so",
            "--header", out / f"{name}.h", "--name", name]
    if calibration:
        args += ["--calibration", calibration,
                 f"--weight-granularity={opts.weight_granularity}",
                 f"--activation-type={opts.activation_type}"]
    run_cached(args, out / f"{name}.so",
               fingerprint(opts.quantc, *map(str, args[1:]), model,
                           calibration or ""))
    return CompiledModel(out / f"{name}.so", out / f"{name}.h", name)


def calibrate(opts: "Options", model: Path, data: Path, method: str,
              out: Path) -> Path:
    stats = out / f"stats_{method}.json"
    args = [opts.quantc, "calibrate", model, "--data", data, "-o", stats,
            f"--method={method}"]
    key = fingerprint(opts.quantc, *map(str, args[1:]), model,
                      *sorted(data.iterdir()))
    run_cached(args, stats, key)
    return stats


def clipped_tensors(stats: Path, count: int = 3):
    """The `count` tensors whose calibrated range is clipped most: the
    smaller of hi/max and lo/min (the share of the observed extreme that
    stays representable), with the name, [lo, hi] and [min, max]."""
    tensors = json.loads(stats.read_text()).get("tensors", {})
    if isinstance(tensors, list):
        tensors = {t.get("name"): t for t in tensors}
    shares = []
    for name, t in tensors.items():
        if "range" not in t or "min" not in t or "max" not in t:
            continue
        lo, hi = t["range"]
        mn, mx = t["min"], t["max"]
        kept = min(hi / mx if mx > 0 else 1.0, lo / mn if mn < 0 else 1.0)
        shares.append((kept, name, lo, hi, mn, mx))
    return sorted(shares)[:count]


# ===----------------------------------------------------------------------===
# Metrics
# ===----------------------------------------------------------------------===


def top1(outputs: np.ndarray) -> np.ndarray:
    return outputs.reshape(len(outputs), -1).argmax(axis=1)


def top1_probability(outputs: np.ndarray) -> np.ndarray:
    """The float model's probability for its top-1 class: the outputs
    themselves when they are already probabilities, else their softmax."""
    x = outputs.reshape(len(outputs), -1).astype(np.float64)
    if x.min() >= 0 and np.allclose(x.sum(axis=1), 1.0, atol=1e-3):
        return x.max(axis=1)
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True)).max(axis=1)


# Float top-1 probability from which a sample counts as one the float model
# is sure of.
SURE = 0.5


def sqnr_db(reference: np.ndarray, quantized: np.ndarray) -> float:
    noise = np.sum((reference.astype(np.float64) - quantized) ** 2)
    signal = np.sum(reference.astype(np.float64) ** 2)
    return float("inf") if noise == 0 else float(10 * np.log10(signal / noise))


@dataclasses.dataclass
class Result:
    model: str
    kind: str
    samples: Samples
    float_accuracy: Optional[float] = None
    cells: Dict[str, str] = dataclasses.field(default_factory=dict)
    values: Dict[str, float] = dataclasses.field(default_factory=dict)
    extra: Dict[str, float] = dataclasses.field(default_factory=dict)
    logit_sqnr: Dict[str, float] = dataclasses.field(default_factory=dict)
    # Agreement on the samples the float model gives a top-1 probability of
    # at least SURE, and how many those are.
    sure: Dict[str, float] = dataclasses.field(default_factory=dict)
    sure_count: int = 0
    clipping: Dict[str, list] = dataclasses.field(default_factory=dict)
    # (folder, agreement %, output SQNR dB) of an independently quantized
    # version of the same network.
    reference: Optional[tuple] = None
    # Where a classifier below the goal loses agreement (see error_budget).
    budget: Optional["Budget"] = None
    error: str = ""
    seconds: float = 0.0


def evaluate_model(opts: "Options", spec: ModelSpec) -> Result:
    model = opts.models_dir / spec.name / "model.onnx"
    out = opts.work_dir / spec.name
    out.mkdir(parents=True, exist_ok=True)
    if spec.dedupe:
        model = dedupe_model(model, out / "model.onnx")
    start = time.time()
    samples = spec.data(opts)
    result = Result(spec.name, spec.kind, samples)
    np.save(out / "calib.npy", samples.calib)
    data_dir = out / "calib"
    data_dir.mkdir(exist_ok=True)
    for stale in data_dir.glob("*"):
        stale.unlink()
    np.save(data_dir / "input_0.npy", samples.calib)
    log(f"{spec.name}: {len(samples.calib)} calibration, "
        f"{len(samples.evaluate)} evaluation samples")

    reference = compile_model(opts, model, out, "float_model")
    ref = run_batch_cached(reference, samples.evaluate, out / "float_eval.npz")
    ref_extra = (run_batch_cached(reference, samples.extra,
                                  out / "float_extra.npz")
                 if samples.extra is not None else None)
    if spec.kind == "classifier" and samples.labels is not None:
        result.float_accuracy = 100 * np.mean(top1(ref[0]) == samples.labels)
    outputs = {}  # a classifier's outputs per method
    for method in opts.methods:
        try:
            stats = calibrate(opts, model, data_dir, method, out)
            quant = compile_model(opts, model, out, f"q_{method}", stats)
            got = run_batch_cached(quant, samples.evaluate,
                                   out / f"q_{method}_eval.npz")
            result.clipping[method] = clipped_tensors(stats)
        except RuntimeError as error:
            log(f"  {method}: FAILED\n{error}")
            result.cells[method] = "failed"
            result.error = str(error).splitlines()[-1]
            continue
        if spec.kind == "classifier":
            outputs[method] = got[0]
            same = top1(got[0]) == top1(ref[0])
            agree = 100 * np.mean(same)
            sure = top1_probability(ref[0]) >= SURE
            result.sure_count = int(sure.sum())
            if sure.any():
                result.sure[method] = 100 * np.mean(same[sure])
            result.values[method] = agree
            result.cells[method] = truncate(agree, 2)
            result.logit_sqnr[method] = sqnr_db(ref[0], got[0])
            if ref_extra is not None:
                got_extra = run_batch_cached(quant, samples.extra,
                                             out / f"q_{method}_extra.npz")
                result.extra[method] = 100 * np.mean(
                    top1(got_extra[0]) == top1(ref_extra[0]))
        else:
            groups = spec.sqnr_groups or {"": list(range(len(ref)))}
            figures = {g: sqnr_db(np.concatenate([ref[i].ravel() for i in ix]),
                                  np.concatenate([got[i].ravel() for i in ix]))
                       for g, ix in groups.items()}
            result.values[method] = min(figures.values())
            result.cells[method] = " / ".join(
                f"{g} {truncate(v, 1)}".strip() for g, v in figures.items())
        log(f"  {method}: {result.cells[method]}")
    if spec.quantized_reference and spec.kind == "classifier":
        path = opts.models_dir.parent / spec.quantized_reference / "model.onnx"
        if path.exists():
            other = compile_model(opts, path, out, "qdq_reference")
            got = run_batch_cached(other, samples.evaluate,
                                   out / "qdq_reference_eval.npz")
            result.reference = (
                spec.quantized_reference,
                100 * np.mean(top1(got[0]) == top1(ref[0])),
                sqnr_db(ref[0], got[0]))
            log(f"  {spec.quantized_reference}: {result.reference[1]:.2f}")
    if spec.kind == "classifier" and samples.disjoint and \
            not goal_mark(result).startswith("PASS") and result.logit_sqnr:
        best = max((m for m in GOAL_METHODS if m in outputs),
                   key=lambda m: result.values[m], default=None)
        if best:
            result.budget = measure_budget(opts, model, out, samples, ref[0],
                                           best, outputs[best])
    result.seconds = time.time() - start
    log(f"  ({result.seconds:.0f} s)")
    return result


@dataclasses.dataclass
class Budget:
    weights_agreement: float
    weights_sqnr: float
    # The quantized model of `method` against the weights-only one: what
    # quantizing the activations costs.
    method: str
    activations_agreement: float
    activations_sqnr: float
    # (output SQNR dB, agreement % the samples allow at that noise).
    noise_floor: List[tuple]
    gaps: np.ndarray  # the float model's top-1/top-2 gaps
    rms: float  # the float outputs' RMS


def measure_budget(opts: "Options", model: Path, out: Path,
                   samples: Samples, ref: np.ndarray, method: str,
                   quantized: np.ndarray) -> Budget:
    """The float model with only its weights quantized, what quantizing
    the activations adds (`quantized`: the outputs of the model quantized
    with `method`'s statistics), and the agreement independent output noise
    would leave on these samples."""
    gridded = error_budget.weights_on_grid(
        model, out / "weights_only.onnx",
        per_channel=opts.weight_granularity == "per-channel")
    weights = compile_model(opts, gridded, out, "weights_only")
    got = run_batch_cached(weights, samples.evaluate,
                           out / "weights_only_eval.npz")[0]
    weights_sqnr = sqnr_db(ref, got)
    levels = [sqnr_db(ref, quantized), weights_sqnr, 30.0, 40.0, 50.0]
    budget = Budget(100 * np.mean(top1(got) == top1(ref)), weights_sqnr,
                    method, 100 * np.mean(top1(quantized) == top1(got)),
                    sqnr_db(got, quantized),
                    [(db, error_budget.noisy_agreement(ref, db,
                                                       seed=opts.seed))
                     for db in levels],
                    error_budget.top2_gaps(ref),
                    float(np.sqrt(np.mean(ref.astype(np.float64) ** 2))))
    log(f"  weights only: {budget.weights_agreement:.2f} %, "
        f"{weights_sqnr:.1f} dB; activations only: "
        f"{budget.activations_agreement:.2f} %, "
        f"{budget.activations_sqnr:.1f} dB")
    return budget


# ===----------------------------------------------------------------------===
# The report
# ===----------------------------------------------------------------------===


def truncate(value: float, digits: int) -> str:
    """`value` cut (not rounded) to `digits` decimals, so a figure just
    under a goal never prints as the goal."""
    scale = 10 ** digits
    return f"{np.floor(value * scale) / scale:.{digits}f}"


def goal_mark(result: Result) -> str:
    """PASS when the better of entropy and percentile reaches the goal."""
    if not result.samples.disjoint:
        return "n/a (no real data)"
    tried = [result.values[m] for m in GOAL_METHODS if m in result.values]
    if not tried:
        return "n/a"
    goal = GOAL_AGREEMENT if result.kind == "classifier" else GOAL_SQNR
    best = max(tried)
    unit = "%" if result.kind == "classifier" else " dB"
    shown = truncate(best, 2 if result.kind == "classifier" else 1)
    if best >= goal:
        return f"PASS ({shown}{unit} >= {goal:g}{unit})"
    return f"FAIL ({shown}{unit} < {goal:g}{unit})"


def add_method_table(add, methods: Sequence[str], lead: List[str], rows,
                     show: Callable[[float], str]) -> None:
    """A Markdown table: the `lead` columns, then one column per method;
    `rows` are (lead cells, {method: value}), a missing method left blank."""
    add("| " + " | ".join(lead + list(methods)) + " |")
    add("|" + "---|" * (len(lead) + len(methods)))
    for cells, values in rows:
        add("| " + " | ".join(cells + [show(values[m]) if m in values else ""
                                       for m in methods]) + " |")


def write_report(opts: "Options", results: List[Result]):
    lines = []
    add = lines.append
    add("# Accuracy of post-training quantization")
    add("")
    add("<!-- Generated by python/quantc/accuracy.py; do not edit. Regenerate "
        "with\n     PYTHONPATH=python /usr/bin/python3 -m quantc.accuracy "
        "--quantc build/bin/quantc -o docs/Accuracy.md\n     (needs the "
        "Debian packages python3-sklearn, python3-skimage and\n     "
        "dataset-fashion-mnist, and ../shared/models; about 27 minutes on "
        "2 cores\n     from an empty --work-dir, which keeps what a rerun "
        "can reuse). -->")
    add("")
    add("Each float model of `shared/models/float` is compiled by `quantc "
        "compile` as float (the fp32 reference: it matches ONNX Runtime at "
        "rtol 1e-3 on every test vector) and quantized with the activation "
        "ranges `quantc calibrate --method=M` finds on calibration samples. "
        f"Weights are {opts.weight_granularity} s8 (symmetric), activations "
        f"{opts.activation_type} with a zero point (asymmetric), "
        "convolution weights rounded keeping each kernel's sum "
        "(`--weight-rounding=kernel-sum`), and graph outputs at the "
        "accumulator's precision: the defaults of `quantc compile`. Both are loaded as shared libraries and "
        "run on evaluation samples that share none with the calibration "
        "samples.")
    add("")
    add("- Classifiers: **top-1 agreement**, the percentage of evaluation "
        "samples on which the quantized model picks the float model's class.")
    add("- Regressors and detectors: **SQNR** of the outputs over all "
        "evaluation samples, `10*log10(sum(ref^2) / sum((ref - q)^2))` in dB, "
        "ref the float output, q the quantized one.")
    add("")
    add("## Data")
    add("")
    add(data_section(opts))
    add("")
    add("## Results")
    add("")
    methods = list(opts.methods)
    add("| model | metric | calib / eval samples | " + " | ".join(methods) +
        " | goal |")
    add("|---|---|---|" + "---|" * len(methods) + "---|")
    for r in results:
        metric = "top-1 agreement %" if r.kind == "classifier" else "SQNR dB"
        counts = f"{len(r.samples.calib)} / {len(r.samples.evaluate)}"
        cells = [r.cells.get(m, "") for m in methods]
        add(f"| {r.model} | {metric} | {counts} | " + " | ".join(cells) +
            f" | {goal_mark(r)} |")
    add("")
    add("Goals: top-1 agreement >= 99 % on the classifiers and SQNR >= 25 dB "
        "on the regressors and detectors with per-channel weights and "
        "entropy or percentile calibration (the better of the two counts). "
        "For ultraface_slim_320 the worse of its two outputs counts.")
    scored = [r for r in results if r.logit_sqnr]
    if scored:
        add("")
        add("### Classifiers' output SQNR (dB)")
        add("")
        add("How far the quantized outputs (logits or probabilities) are "
            "from the float ones, on the same evaluation samples:")
        add("")
        add_method_table(add, methods, ["model"],
                         [([r.model], r.logit_sqnr) for r in scored],
                         lambda v: f"{v:.1f}")
    sure = [r for r in results if r.sure and r.samples.disjoint]
    if sure:
        add("")
        add("### Agreement where the float model is sure")
        add("")
        add("Top-1 agreement on the evaluation samples to which the float "
            f"model gives its class a probability of at least {SURE:g} (the "
            "softmax of its outputs). Most misses are on inputs on which "
            "the float model hesitates between classes whose logits differ "
            "by less than the quantization noise:")
        add("")
        add_method_table(
            add, methods, ["model", "samples"],
            [([r.model, f"{r.sure_count} of {len(r.samples.evaluate)}"],
              r.sure) for r in sure],
            lambda v: truncate(v, 2))
    for r in results:
        if r.reference:
            folder, agree, sqnr = r.reference
            add("")
            add(f"For comparison, `{folder}`, the same network quantized "
                "by its authors (QDQ, whose dequantized weights are "
                f"{r.model}'s), compiled by QuantC and run on the same "
                f"evaluation samples: top-1 agreement {agree:.2f} %, output "
                f"SQNR {sqnr:.1f} dB.")
    extra = [r for r in results if r.extra]
    if extra:
        add("")
        add("### MNIST models on Fashion-MNIST (out of distribution)")
        add("")
        add("The same quantized models (calibrated on digits) on "
            f"{opts.fashion} Fashion-MNIST test images: inputs unlike "
            "anything calibrated on, where the float logits are closer "
            "together; a stress test, not a goal.")
        add("")
        add_method_table(add, methods, ["model"],
                         [([r.model], r.extra) for r in extra],
                         lambda v: f"{v:.2f}")
    add("")
    add("### Float models on the digits")
    add("")
    add("The float models' accuracy against the digits' labels shows the "
        "preprocessing fits each model (8x8 digits upscaled are blurrier "
        "than MNIST, so below MNIST's figures):")
    add("")
    for r in results:
        if r.float_accuracy is not None:
            add(f"- {r.model}: {r.float_accuracy:.1f} %")
    add("")
    add("## Below the goal")
    add("")
    add("Every model and method whose figure misses the goal, with the "
        "three activations its calibration clips most: the share of the "
        "largest magnitude seen on the calibration samples that the "
        "calibrated range still represents, the range and the values seen "
        "(clipping the tails is what separates the methods; minmax clips "
        "nothing):")
    add("")
    for r in results:
        goal = GOAL_AGREEMENT if r.kind == "classifier" else GOAL_SQNR
        for m in methods:
            if m not in r.values or r.values[m] >= goal:
                continue
            clips = "; ".join(
                f"`{name}` {100 * share:.0f} % ([{lo:.3g}, {hi:.3g}] of "
                f"[{mn:.3g}, {mx:.3g}])"
                for share, name, lo, hi, mn, mx in r.clipping.get(m, []))
            add(f"- {r.model}, {m} ({r.cells[m]}): {clips}")
    for r in results:
        if r.budget:
            add_budget(add, r)
    add("")
    add("## Notes")
    add("")
    for spec in MODELS:
        if spec.note and any(r.model == spec.name for r in results):
            add(f"- {spec.name}: {spec.note}.")
    for r in results:
        if r.error:
            add(f"- {r.model}: a method failed: `{r.error}`.")
    for note in opts.notes:
        add(f"- {note}")
    opts.output.parent.mkdir(parents=True, exist_ok=True)
    opts.output.write_text("\n".join(lines).rstrip() + "\n")


def add_budget(add, r: Result) -> None:
    """The weights' share of a classifier's miss, and the agreement its
    evaluation samples allow at a given output noise."""
    b = r.budget
    count = len(b.gaps)
    add("")
    add(f"### What limits {r.model}")
    add("")
    add(f"- **Weights alone.** The float model with only its weights "
        "quantized (a copy of the ONNX file whose Conv, Gemm and MatMul "
        "weights hold the values of the integers QuantC makes of them, "
        "test/E2E/error-budget-weights.test; activations stay float) agrees "
        f"with it on {truncate(b.weights_agreement, 2)} % of the samples, "
        f"output SQNR {b.weights_sqnr:.1f} dB: the 8-bit weights alone "
        "already stay below the goal on these samples.")
    add(f"- **Activations alone.** The quantized model ({b.method}) "
        "against that weights-only model, which holds the same weights: "
        f"{truncate(b.activations_agreement, 2)} % agreement, SQNR "
        f"{b.activations_sqnr:.1f} dB. Quantizing the activations alone "
        "misses the goal too"
        + (f"; so does `{r.reference[0]}`, whose weights are exactly the "
           f"float model's ({r.reference[1]:.2f} %)"
           if r.reference else "") + ".")
    near = [(share, int(np.sum(b.gaps < share * b.rms)))
            for share in (0.001, 0.01, 0.05)]
    add(f"- **Near ties.** The float outputs have an RMS of {b.rms:.3g}; "
        + ", ".join(f"{n} of {count} samples have their two largest "
                    f"outputs within {share * b.rms:.2g} ({share:g} of it)"
                    for share, n in near) + ".")
    add("- **Noise floor.** The agreement the samples allow a quantized "
        "model whose outputs differ from the float ones only by independent "
        "Gaussian noise (the mean of 200 seeded draws), at the SQNR of the "
        "best method, of the weights alone, and at 30, 40 and 50 dB:")
    add("")
    add("| output SQNR dB | " + " | ".join(
        f"{db:.1f}" for db, _ in b.noise_floor) + " |")
    add("|---|" + "---|" * len(b.noise_floor))
    add("| agreement % | " + " | ".join(
        truncate(agree, 2) for _, agree in b.noise_floor) + " |")


def data_section(opts: "Options") -> str:
    return "\n".join([
        f"All samples are made deterministically (seed {opts.seed}).",
        "",
        "- **MNIST classifiers**: the 1797 8x8 handwritten digits of "
        "python3-sklearn (`sklearn.datasets.load_digits`, 0..16, ink high) "
        "upscaled bicubically to 20x20 and placed in 28x28 with their centre "
        "of mass in the middle (MNIST's layout, white on black, [0, 1]), "
        "then scaled for each model: onnx_zoo_mnist_8 takes 0..255 (as its "
        "test sets), burn_mnist_cnn and onnx_mlir_mnist MNIST's "
        "(x - 0.1307) / 0.3081, the MLPs [0, 1]; each is the scaling, among "
        "these three, under which the float model classifies the digits "
        "best. "
        "A seeded permutation gives the first "
        f"{opts.digits_calib} digits to calibration and the next "
        f"{opts.digits_eval} to evaluation.",
        "- **ImageNet classifier and face detector**: python3-skimage's "
        "photographs (`skimage.data`). Calibration crops come from "
        f"{', '.join(CALIB_PHOTOS)}; evaluation crops from "
        f"{', '.join(EVAL_PHOTOS)} (no photograph in both; cat() is "
        "chelsea() and is not used). Each crop has the model's aspect ratio, "
        "30-100 % of the largest size that fits, a random place and a random "
        "horizontal flip, resized with antialiasing. mobilenetv2_float takes "
        "244x244 RGB normalized by ImageNet's mean and std; "
        "ultraface_slim_320 takes 320x240 RGB as (x - 127) / 128 (its "
        "repository's preprocessing).",
        "- **Super-resolution**: the BT.601 Y channel ([0, 1]) of 224x224 "
        "crops of the same photographs, split the same way.",
        "- **Sine MLPs**: x in [0, 2pi), the range they were trained on: "
        f"{opts.sine_calib} uniform random values calibrate, a grid of "
        f"{opts.sine_eval} midpoints evaluates (no value in both).",
        "- **Speech classifiers**: Debian has no recordings of the spoken "
        "commands these models classify, and their input features (a "
        "128x41 spectrogram of unknown parameters; 6 features of an "
        "embedding) cannot be made faithfully, so each is calibrated and "
        "evaluated on its single shipped test vector: a smoke test, marked "
        "n/a against the goal.",
    ])


@dataclasses.dataclass
class Options:
    quantc: Path
    models_dir: Path
    work_dir: Path
    output: Path
    methods: Sequence[str]
    seed: int
    digits_calib: int
    digits_eval: int
    fashion: int
    photo_calib: int
    photo_eval: int
    sr_calib: int
    sr_eval: int
    sine_calib: int
    sine_eval: int
    weight_granularity: str
    activation_type: str
    notes: List[str] = dataclasses.field(default_factory=list)


def parse_args(argv: Optional[Sequence[str]] = None) -> (Options, List[str]):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    build = Path(os.environ.get("QUANTC_BUILD_DIR", ROOT / "build"))
    parser.add_argument("--quantc", type=Path, default=build / "bin" / "quantc")
    parser.add_argument("--models-dir", type=Path, default=DEFAULT_MODELS_DIR)
    parser.add_argument("--work-dir", type=Path,
                        default=Path("/tmp/quantc-accuracy"))
    parser.add_argument("-o", "--output", type=Path,
                        default=ROOT / "docs" / "Accuracy.md")
    parser.add_argument("--models", default=",".join(s.name for s in MODELS),
                        help="comma-separated model folder names")
    parser.add_argument("--methods", default=",".join(METHODS))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--digits-calib", type=int, default=500)
    parser.add_argument("--digits-eval", type=int, default=1297)
    parser.add_argument("--fashion", type=int, default=2000,
                        help="Fashion-MNIST images (0: skip)")
    parser.add_argument("--photo-calib", type=int, default=48)
    parser.add_argument("--photo-eval", type=int, default=150)
    parser.add_argument("--sr-calib", type=int, default=16)
    parser.add_argument("--sr-eval", type=int, default=24)
    parser.add_argument("--sine-calib", type=int, default=200)
    parser.add_argument("--sine-eval", type=int, default=1000)
    parser.add_argument("--weight-granularity", default="per-channel")
    parser.add_argument("--activation-type", default="u8")
    args = parser.parse_args(argv)
    methods = [m for m in args.methods.split(",") if m]
    for m in methods:
        if m not in METHODS:
            parser.error(f"unknown method '{m}'")
    names = [n for n in args.models.split(",") if n]
    known = {s.name for s in MODELS}
    for n in names:
        if n not in known:
            parser.error(f"unknown model '{n}'")
    opts = Options(args.quantc, args.models_dir, args.work_dir, args.output,
                   methods, args.seed, args.digits_calib, args.digits_eval,
                   args.fashion, args.photo_calib, args.photo_eval,
                   args.sr_calib, args.sr_eval, args.sine_calib, args.sine_eval,
                   args.weight_granularity, args.activation_type)
    return opts, names


def main(argv: Optional[Sequence[str]] = None) -> int:
    opts, names = parse_args(argv)
    start = time.time()
    results = [evaluate_model(opts, spec) for spec in MODELS
               if spec.name in names]
    write_report(opts, results)
    log(f"wrote {opts.output} ({time.time() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
