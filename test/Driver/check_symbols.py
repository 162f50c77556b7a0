"""Reads `llvm-nm -u` output on stdin and fails on any undefined symbol that
is not a libc or libm function: a compiled model must link against nothing
else."""

import sys

ALLOWED = {
    # libc: LLVM turns copy and fill loops into these.
    "memcpy", "memmove", "memset",
    # libm, single and double precision.
    *(f + s for s in ("f", "") for f in (
        "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "pow", "sqrt",
        "cbrt", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh",
        "cosh", "tanh", "asinh", "acosh", "atanh", "erf", "erfc", "fabs",
        "floor", "ceil", "trunc", "round", "roundeven", "rint", "nearbyint",
        "fmod", "fmin", "fmax", "copysign", "ldexp", "frexp")),
}

bad = []
for line in sys.stdin:
    fields = line.split()
    if not fields:
        continue
    name = fields[-1]
    if name not in ALLOWED:
        bad.append(name)
if bad:
    print("undefined symbols outside libc/libm:", " ".join(bad))
    sys.exit(1)
print("only libc/libm symbols")
