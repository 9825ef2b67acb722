#!/usr/bin/env python3
"""ActGen's device check: the generated CUDA kernels and TorchScript programs on a real GPU, from Python.

Reads the export that `actgen kernels --export tools/gpu-check/generated` writes (committed beside this script). For each
activation: compiles its CUDA source with NVRTC, loads it with the driver API in the primary context (torch's), launches
every kernel on torch CUDA tensors on the default stream, compares forward, backward and each learnable parameter's
gradient with torch autograd on the builtin (float32 and float64; float16 and bfloat16 forward and backward against the
builtin computed in float32 and rounded once; odd lengths, an unaligned start, edge values), tensor
parameters one per channel and the second-order kernels against the TorchScript program, times
forward and forward+backward against the builtin and a device-to-device copy, counts kernel launches per call with
torch.profiler, and runs the TorchScript program on CUDA (values, and whether NNC fused it: prim::TensorExprGroup).
Also the counter-based draw of randomized parameters: its kernels against the CPU's draw (a Python reference of it,
itself checked against values the CPU drew, in the manifest), bit for bit.

The run survives its one chance on a GPU: values first (every activation, then the draw), then the TorchScript checks and
the timing, each activation of those only while within --budget seconds of the start (else a row of skipped.csv); an
exception in one case or step is a failing row (values) or a row of errors.csv and the run goes on, unless the CUDA
context is broken after it (a sticky error: an illegal address, a trap), which ends the GPU work and says so in
summary.txt; every table and summary.txt is rewritten after each activation, so a kill leaves the finished part; past
--deadline a watchdog writes the state and exits (3). Progress lines carry the seconds since the start.

Only the standard library and torch. `--self-test` needs neither torch nor a GPU: it checks the manifest against the
sources (kernel names, ABI strings, TorchScript functions, builtin calls) and the parameter layouts it would pass.
Exit status 1 when a value check fails or the run did not finish (sticky error, deadline); test_check.py tests the run
logic over a stand-in torch.
"""
import argparse
import ast
import csv
import ctypes
import faulthandler
import json
import math
import os
import pathlib
import re
import struct
import sys
import threading
import time

STARTED = time.perf_counter()
HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from actgen_cuda import Driver, Nvrtc  # noqa: E402 (beside this script)
KERNEL = re.compile(r'extern "C" __global__ void (\w+)\(([^)]*)\)')
EDGES = [0.0, -0.0, 1e-30, -1e-30, 0.5, -0.5, 20.0, -20.0, 88.0, -88.0, 800.0, -800.0,
         math.inf, -math.inf, math.nan]
TOLERANCE = {"float64": (1e-9, 1e-12), "float32": (2e-4, 2e-5),  # (relative, absolute): first guesses, not yet run on a GPU
             "float16": (2e-3, 1e-7), "bfloat16": (1.6e-2, 1e-7)}  # about two units in the last place
HALF_WIDTH = ("float16", "bfloat16")  # computed in float inside the kernel, as libtorch's opmath does


# ---------------------------------------------------------------- stdlib only: the manifest against the sources

def declared(source):
    """Every extern "C" __global__ kernel of a CUDA source: name -> arguments as 'type name', __restrict__ dropped."""
    return {m.group(1): [re.sub(r"\s+", " ", a.replace("__restrict__", "")).strip() for a in m.group(2).split(",")]
            for m in KERNEL.finditer(source)}


def expected_abi(activation, kind, dtype):
    """The ABI README promises: (const T* in[, const T* gy[, const T* gg]], T* out, long long n, parameters...)."""
    t = {"float32": "float", "float64": "double", "float16": "unsigned short", "bfloat16": "unsigned short"}[dtype]
    abi = [f"const {t}* in"] + ([] if kind == "forward" else [f"const {t}* gy"])
    abi += [f"const {t}* gg"] if kind.startswith("second_") else []
    abi += [f"{t}* out", "long long n"]
    for k, p in enumerate(activation["parameters"]):
        abi += [f"double p{k}"] if p["role"] == "hyper" else [f"const {t}* p{k}", f"long long p{k}_inner", f"long long p{k}_channels"]
    return abi


def layout(x, p):
    """(inner, channels) of a tensor parameter of shape p broadcast against x of shape x, as ActGen's runtime passes them
    (ParameterLayout.Of): one value (0, 1), one per element (1, 0), or one per channel of a run of x's dimensions
    (element i reads (i // inner) % channels). Raises ValueError for shapes the runtime leaves to TorchScript."""
    x, p = list(x), list(p)
    if math.prod(p) == 1:
        return 0, 1
    if p == x:
        return 1, 0
    lead = len(x) - len(p)
    varying = [d + lead for d in range(len(p)) if p[d] != 1]
    if lead < 0 or any(p[d - lead] != x[d] for d in varying) or varying[-1] - varying[0] + 1 != len(varying):
        raise ValueError(f"a parameter of shape {p} has no kernel layout against x of shape {x}")
    channels, inner = math.prod(x[d] for d in varying), math.prod(x[varying[-1] + 1:])
    return (1, 0) if inner == 1 and channels == math.prod(x) else (inner, channels)


LAYOUTS = [(([2, 3, 4, 5], [1]), (0, 1)), (([2, 3, 4, 5], [2, 3, 4, 5]), (1, 0)), (([2, 3, 4, 5], [1, 3, 1, 1]), (20, 3)),
           (([2, 3, 4, 5], [3, 4, 1]), (5, 12)), (([7, 3], [3]), (1, 3)), (([1, 3, 4, 5], [3, 4, 5]), (1, 0))]


def expected_kinds(activation):
    kinds = ["forward", "backward_from_output" if activation["backwardFromOutput"] else "backward"]
    kinds += [f"grad_{k}" for k, p in enumerate(activation["parameters"]) if p["role"] == "learnable"]
    return kinds + activation["secondOrder"]


def second_order_problems(activation):
    """The listed second-order kinds: second_a_b, a <= b each x or a learnable parameter's index, no pair twice; only
    second_x_x where the backward reads the output (its second order is in y)."""
    learnable = {str(k) for k, p in enumerate(activation["parameters"]) if p["role"] == "learnable"}
    problems, seen = [], set()
    for kind in activation["secondOrder"]:
        m = re.fullmatch(r"second_(x|\d+)_(x|\d+)", kind)
        order = lambda v: -1 if v == "x" else int(v)  # noqa: E731
        if not m or any(v != "x" and v not in learnable for v in m.groups()) or order(m.group(1)) > order(m.group(2)):
            problems.append(f"{activation['id']}: second-order kind {kind} is not second_a_b over x and learnable parameters")
        elif kind in seen:
            problems.append(f"{activation['id']}: second-order kind {kind} listed twice")
        seen.add(kind)
    if activation["backwardFromOutput"] and activation["secondOrder"] not in ([], ["second_x_x"]):
        problems.append(f"{activation['id']}: reads the output, so only second_x_x, not {activation['secondOrder']}")
    return problems


MASK64 = (1 << 64) - 1
DRAW_ABI = ["{t}* out", "long long n", "unsigned long long seed", "double lower", "double upper"]


def float32(v):
    """v rounded to the nearest float32 (ties to even), as a Python float."""
    return struct.unpack("<f", struct.pack("<f", v))[0]


def counter_uniform(seed, n, lower, upper, dtype):
    """ActGen's counter-based draw (ActGen.Torch.CounterUniform), in plain Python: element i is SplitMix64's finaliser
    of seed + i * golden, 53 bits (float64) or 24 bits (float32) of it scaled to [0, 1), then lower + width * u with
    the multiply and the add each rounded (float32: every operation rounded to float32, as the kernel does)."""
    def mix(z):
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)
    bits = [mix((seed + i * 0x9E3779B97F4A7C15) & MASK64) for i in range(n)]
    if dtype == "float64":
        width = upper - lower
        return [lower + width * ((b >> 11) * 2.0 ** -53) for b in bits]
    low, width = float32(lower), float32(upper - lower)
    return [float32(low + float32(width * ((b >> 40) * 2.0 ** -24))) for b in bits]


def load_draw(export):
    return json.loads((export / "manifest.json").read_text(encoding="utf-8"))["draw"]


def draw_problems(export):
    """The draw's kernels are declared with their ABI, and the Python reference gives the values the CPU drew."""
    draw = load_draw(export)
    kernels = declared((export / draw["cuda"]).read_text(encoding="utf-8"))
    problems = []
    for dtype, name in draw["kernels"].items():
        t = {"float32": "float", "float64": "double"}[dtype]
        if kernels.get(name) != [a.format(t=t) for a in DRAW_ABI]:
            problems.append(f"draw: {name} is declared ({', '.join(kernels.get(name, []))}), not with the documented ABI")
    for sample in draw["samples"]:
        for dtype in ("float32", "float64"):
            cpu = sample[dtype]
            ours = counter_uniform(int(sample["seed"]), len(cpu), sample["lower"], sample["upper"], dtype)
            if dtype == "float32":
                cpu = [float32(v) for v in cpu]
            if ours != cpu:
                problems.append(f"draw: seed {sample['seed']} {dtype}: the Python reference gives {ours[:3]}..., the CPU drew {cpu[:3]}...")
    return problems


def load(export):
    manifest = json.loads((export / "manifest.json").read_text(encoding="utf-8"))
    if manifest.get("format") != 1:
        raise SystemExit(f"{export / 'manifest.json'}: format {manifest.get('format')!r}, this script reads format 1")
    return manifest["activations"]


def self_test(export):
    """Problems found in the export, as lines; empty when every check holds."""
    problems = [f"layout{args} is {layout(*args)}, expected {want}" for args, want in LAYOUTS if layout(*args) != want]
    for args in [([2, 3, 4, 5], [3]), ([2, 3, 4, 5], [3, 1, 5]), ([2, 3], [1, 2, 3])]:
        try:
            problems.append(f"layout{tuple(args)} is {layout(*args)}, expected none")
        except ValueError:
            pass
    activations = load(export)
    for a in activations:
        where = a["id"]
        problems += second_order_problems(a)
        source = (export / a["cuda"]).read_text(encoding="utf-8")
        kernels = declared(source)
        listed = {k["name"] for k in a["kernels"]}
        problems += [f"{where}: kernel {name} in the source, not in the manifest" for name in sorted(set(kernels) - listed)]
        kinds = sorted({k["kind"] for k in a["kernels"]})
        if kinds != sorted(expected_kinds(a)):
            problems.append(f"{where}: kernel kinds {kinds}, expected {sorted(expected_kinds(a))}")
        for k in a["kernels"]:
            if k["name"] not in kernels:
                problems.append(f"{where}: {k['name']} is not declared in {a['cuda']}")
            elif kernels[k["name"]] != k["abi"]:
                problems.append(f"{where}: {k['name']} is declared ({', '.join(kernels[k['name']])}), "
                                f"manifest says ({', '.join(k['abi'])})")
            if k["abi"] != expected_abi(a, k["kind"], k["dtype"]):
                problems.append(f"{where}: {k['name']}'s ABI ({', '.join(k['abi'])}) is not the documented one")
            suffix = {"float32": "f32", "float64": "f64", "float16": "f16", "bfloat16": "bf16"}[k["dtype"]]
            if not k["name"].endswith(f"_{k['kind']}_{suffix}"):
                problems.append(f"{where}: {k['name']} does not end in its kind and dtype")
        if a["torchscript"] is not None:
            script = (export / a["torchscript"]).read_text(encoding="utf-8")
            functions = set(re.findall(r"^def (\w+)\(", script, re.M))
            wanted = {"forward", "backward"} | {k for k in expected_kinds(a) if k.startswith(("grad_", "second_"))}
            problems += [f"{where}: TorchScript program lacks def {f}" for f in sorted(wanted - functions)]
        if a["builtin"] is not None:
            try:
                tree = ast.parse(a["builtin"]["call"], mode="eval")
            except SyntaxError as e:
                problems.append(f"{where}: builtin call does not parse: {e}")
                continue
            names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
            allowed = {"x", "torch", "F"} | {p["name"] for p in a["parameters"]}
            problems += [f"{where}: builtin call uses unknown name {n}" for n in sorted(names - allowed)]
    return problems + draw_problems(export), activations


# ---------------------------------------------------------------- the run: tables on disk as they grow, clock, budget

class StickyCudaError(RuntimeError):
    """The CUDA context is broken (an illegal address, a trap, ...): every later GPU call would fail too."""


class Run:
    """Everything gathered so far, rewritten to disk (tables, summary.txt) after each activation and each phase, so that
    a timeout or a kill leaves the finished part; a clock from the script's start; the timing budget."""

    TABLES = ("values", "speed", "torchscript", "errors", "skipped")

    def __init__(self, out, budget):
        self.out, self.budget = out, budget
        self.tables = {name: [] for name in self.TABLES}
        self.lock = threading.RLock()
        self.state = "running"
        self.device = "gpu-check"
        self.n = None

    @staticmethod
    def elapsed():
        return time.perf_counter() - STARTED

    def log(self, message):
        print(f"[{self.elapsed():6.1f} s] {message}", flush=True)

    def add(self, table, rows):
        with self.lock:
            self.tables[table] += [r for r in rows if r is not None]

    def over_budget(self):
        return self.budget is not None and self.elapsed() > self.budget

    def flush(self):
        with self.lock:
            for name in self.TABLES:
                write_table(self.out / name, self.tables[name])
            text = self.summary()
            temporary = self.out / "summary.txt.tmp"
            temporary.write_text(text + "\n", encoding="utf-8")
            os.replace(temporary, self.out / "summary.txt")
            return text

    def summary(self):
        values, speeds, scripts = self.tables["values"], self.tables["speed"], self.tables["torchscript"]
        errors, skipped = self.tables["errors"], self.tables["skipped"]
        failed = sorted({r["activation"] for r in values if r.get("failures")}
                        | {r["activation"] for r in scripts if r.get("forward_failures") or r.get("backward_failures")})
        checked = {r["activation"] for r in values}
        timed_rows = [s for s in speeds if s.get("actgen_both_of_copy") is not None]
        bandwidth = sum(1 for s in timed_rows if s["actgen_forward_of_copy"] >= 0.8 and s["actgen_both_of_copy"] >= 0.8)
        against = [s for s in timed_rows if s.get("both_vs_builtin") is not None]
        no_slower = sum(1 for s in against if s["forward_vs_builtin"] <= 1 and s["both_vs_builtin"] <= 1)
        counted = [s for s in timed_rows if s.get("actgen_forward_launches") is not None]
        fused = sum(1 for s in scripts if s.get("forward_fused") and s.get("backward_fused"))
        single = sum(1 for s in scripts if s.get("forward_launches") == 1 and s.get("backward_launches") == 1)
        return (f"{self.device}: {self.state}; "
                f"values {len(checked) - len(failed)}/{len(checked)} ok{' (' + ', '.join(failed) + ')' if failed else ''}; "
                f"≥80% of copy bandwidth {bandwidth}/{len(timed_rows)} at n={self.n}; "
                f"no slower than builtin {no_slower}/{len(against)}; "
                f"one launch per forward {sum(1 for s in counted if s['actgen_forward_launches'] == 1)}/{len(counted)}; "
                f"TorchScript fused by NNC {fused}/{len(scripts)}, one kernel per call {single}/{len(scripts)}"
                f"{'; errors: ' + str(len(errors)) if errors else ''}"
                f"{'; skipped (budget): ' + str(len(skipped)) if skipped else ''}; {self.elapsed():.0f} s")


class Gpu:
    """torch, NVRTC, the driver and the device's numbers, and the run they report to."""

    def __init__(self, torch, run):
        self.torch, self.run = torch, run
        properties = torch.cuda.get_device_properties(0)
        self.arch, self.sms, self.name = f"{properties.major}{properties.minor}", properties.multi_processor_count, properties.name
        self.nvrtc, self.driver = Nvrtc(torch), Driver(torch.cuda.current_device())

    def broken(self):
        """None while the context works; else what is wrong with it (a sticky error)."""
        status = self.driver.synchronize()
        if status != 0:
            return self.driver.describe(status)
        try:
            self.torch.cuda.synchronize()
            if self.torch.ones(1, device="cuda").add_(1).item() != 2:
                return "1 + 1 != 2 on the GPU"
        except Exception as e:  # noqa: BLE001
            return f"{type(e).__name__}: {e}".replace("\n", " ")[:300]
        return None

    def attempt(self, activation, what, call, value_row=False):
        """call(); an exception is a row of the errors table (and, with value_row, a failing row of the values table),
        not the end of the run, unless the CUDA context is broken after it: then StickyCudaError."""
        try:
            return call()
        except StickyCudaError:
            raise
        except Exception as e:  # noqa: BLE001 (one item's failure is a row, not the end of the run)
            text = f"{type(e).__name__}: {e}".replace("\n", " ")[:400]
            self.run.add("errors", [dict(activation=activation, step=what, error=text)])
            self.run.log(f"{short(activation)}: {what}: {text[:240]}")
            broken = self.broken()
            if broken:
                raise StickyCudaError(f"after {activation}, {what}: {broken}") from e
            if value_row:
                return [dict(activation=activation, check="raised", case=what, against="", failures=1, limits=0,
                             worst=math.nan, error=text)]
            return None


def short(activation):
    return activation.rsplit(".", 1)[-1]


def is_tensor(v):
    return not isinstance(v, (int, float))


# ---------------------------------------------------------------- the checks on the GPU

class Activation:
    """One exported activation, compiled and ready to launch."""

    def __init__(self, gpu, entry, export):
        torch = gpu.torch
        self.torch, self.entry, self.driver, self.sms = torch, entry, gpu.driver, gpu.sms
        source = (export / entry["cuda"]).read_text(encoding="utf-8")
        started = time.perf_counter()
        image, self.binary = gpu.nvrtc.compile(source, entry["cuda"], gpu.arch)
        self.compile_s = time.perf_counter() - started
        module = gpu.driver.module(image)
        self.kernels = {(k["kind"], k["dtype"]): (gpu.driver.function(module, k["name"]), k["abi"]) for k in entry["kernels"]}
        self.script_source = (export / entry["torchscript"]).read_text(encoding="utf-8") if entry["torchscript"] else None
        self.script, self.script_error = None, None
        if self.script_source:
            try:  # TorchScript is deprecated as of torch 2.11: its failure is the TorchScript checks', not the kernels'
                self.script = torch.jit.CompilationUnit(self.script_source)
            except Exception as e:  # noqa: BLE001
                self.script_error = f"the TorchScript program does not compile: {type(e).__name__}: {e}"
        self.backward_kind = "backward_from_output" if entry["backwardFromOutput"] else "backward"

    def need_script(self):
        if self.script is None:
            raise RuntimeError(self.script_error or "no TorchScript program in the export")

    def parameters(self, dtype, device="cuda"):
        """Each parameter at its default: a float (hyper; the manifest writes 1.0 as 1) or a one-element tensor."""
        torch = self.torch
        return {p["name"]: float(p["default"]) if p["role"] == "hyper"
                else torch.tensor([float(p["default"])], dtype=dtype, device=device) for p in self.entry["parameters"]}

    def run(self, kind, x, gy=None, values=None, gg=None):
        """Launches one kernel on x (and gy, and gg for the second order); returns its output, a new tensor like x."""
        torch = self.torch
        values = self.parameters(x.dtype) if values is None else values
        if not x.is_contiguous() or x.device.type != "cuda":
            raise ValueError("the kernels read x in order: pass a contiguous CUDA tensor")
        out = torch.empty_like(x, memory_format=torch.contiguous_format)
        function, abi = self.kernels[(kind, str(x.dtype).replace("torch.", ""))]
        names = [p["name"] for p in self.entry["parameters"]]
        arguments = []
        for argument in abi:
            name = argument.split(" ")[-1]
            if name in ("in", "gy", "gg", "out"):
                tensor = {"in": x, "gy": gy, "gg": gg, "out": out}[name]
                if tensor is None or tensor.shape != x.shape or tensor.dtype != x.dtype or not tensor.is_contiguous():
                    raise ValueError(f"{kind}: {name} must be a contiguous {x.dtype} tensor of x's shape")
                arguments.append(ctypes.c_void_p(tensor.data_ptr()))  # data_ptr() includes the storage offset
            elif name == "n":
                arguments.append(ctypes.c_longlong(x.numel()))
            elif name.endswith(("_inner", "_channels")):
                value = values[names[int(name[1:name.index("_")])]]
                arguments.append(ctypes.c_longlong(layout(x.shape, value.shape)[0 if name.endswith("_inner") else 1]))
            elif argument.startswith("double"):
                arguments.append(ctypes.c_double(float(values[names[int(name[1:])]])))
            else:
                value = values[names[int(name[1:])]]
                if not value.is_contiguous() or value.dtype != x.dtype or value.device != x.device:
                    raise ValueError(f"{name}: the kernels read a parameter's values in order; pass it contiguous, as x")
                arguments.append(ctypes.c_void_p(value.data_ptr()))
        block = 256
        grid = max(1, min((x.numel() + block - 1) // block, self.sms * 32))
        self.driver.launch(function, grid, block, arguments, torch.cuda.current_stream().cuda_stream)
        return out

    def builtin(self, x, values):
        torch = self.torch
        return eval(self.entry["builtin"]["call"], {"torch": torch, "F": torch.nn.functional, "x": x, **values})  # noqa: S307

    def script_call(self, function, first, gy, values, gg=None, script=None):
        tensors = [values[p["name"]] for p in self.entry["parameters"] if p["role"] != "hyper"]
        hyper = [float(values[p["name"]]) for p in self.entry["parameters"] if p["role"] == "hyper"]
        grads = ([] if gy is None else [gy]) + ([] if gg is None else [gg])
        if script is None:
            self.need_script()
        return getattr(script or self.script, function)(first, *grads, *tensors, *hyper)


def inputs(torch, dtype, n, shift):
    """n values (the edges, a grid of [-12, 12], normal draws), starting `shift` elements into a buffer: 1 is unaligned."""
    generator = torch.Generator(device="cuda").manual_seed(n)
    base = torch.cat([torch.tensor(EDGES, dtype=torch.float64, device="cuda"),
                      torch.linspace(-12, 12, 2001, dtype=torch.float64, device="cuda"),
                      torch.randn(n, dtype=torch.float64, device="cuda", generator=generator) * 3])[:n]
    buffer = torch.empty(n + shift, dtype=dtype, device="cuda")
    view = buffer[shift:]
    view.copy_(base.to(dtype))
    return view


def compare(ours, reference, dtype, x, mask=None):
    """(failures, limits, worst): elements off tolerance, NaN where the other is not, or infinities that differ; limits
    are elements at an infinite input where ActGen is finite and the reference NaN (README: hardswish(-inf) = 0, ...)."""
    relative, absolute = TOLERANCE[dtype]
    a, b, x = ours.double(), reference.double(), x.double()
    if mask is not None:
        a, b, x = a[mask], b[mask], x[mask]
    both_nan = a.isnan() & b.isnan()
    limits = b.isnan() & a.isfinite() & x.isinf()
    same_inf = a.isinf() & b.isinf() & (a == b)
    close = (a - b).abs() <= absolute + relative * b.abs()
    ok = both_nan | limits | same_inf | close
    bad = int((~ok).sum().item())
    worst = (a - b).abs()[~ok].nan_to_num(nan=math.inf, posinf=math.inf).max().item() if bad else 0.0
    return bad, int(limits.sum().item()), worst


def value_row(act, check, case, against, result):
    bad, limits, worst = result
    return dict(activation=act.entry["id"], check=check, case=case, against=against, failures=bad, limits=limits, worst=worst)


def shifted(torch, t, shift):
    """A copy of t starting `shift` elements into a buffer of its own (1: an unaligned start)."""
    buffer = torch.empty(t.numel() + shift, dtype=t.dtype, device=t.device)
    view = buffer[shift:].view(t.shape)
    view.copy_(t)
    return view


def value_case(act, torch, dtype, n, shift):
    """Rows of one (dtype, length, start): forward and backward against the builtin (or the TorchScript program), and
    each learnable parameter's gradient. A backward from the output reads the reference's own output (at the same
    start as x), so that it is checked on its own, not through the forward's rounding."""
    name = str(dtype).replace("torch.", "")
    # The builtin's reference in the precision the kernel computes in, rounded once to the kernel's dtype.
    opmath = torch.float32 if name in HALF_WIDTH else dtype
    x = inputs(torch, dtype, n, shift)
    gy = torch.linspace(0.5, 2.0, n, dtype=dtype, device="cuda")
    values = act.parameters(dtype)
    from_output = act.backward_kind.endswith("output")
    if act.entry["builtin"] is not None:
        leaf = {k: (v.to(opmath).clone().requires_grad_(True) if is_tensor(v) else v) for k, v in values.items()}
        xr = x.to(opmath).clone().requires_grad_(True)
        yr = act.builtin(xr, leaf)
        yr.backward(gy.to(opmath))
        reference, gxr = yr.detach().to(dtype), xr.grad.to(dtype)
        source = reference
        against = backward_against = "builtin" if opmath == dtype else "builtin in float32, rounded"
        if from_output and opmath != dtype:
            # A backward from the output reads y rounded to float16/bfloat16: near |y| = 1 (sigmoid, tanh) that rounding
            # alone moves 1 - y by far more than two units of the result, so the reference is libtorch's own
            # half-width autograd, which reads its rounded output the same way (computing in float, as the kernel does).
            xh = x.clone().requires_grad_(True)
            yh = act.builtin(xh, {k: (v.clone().requires_grad_(True) if is_tensor(v) else v) for k, v in values.items()})
            yh.backward(gy)
            source, gxr, backward_against = yh.detach(), xh.grad, f"builtin in {name} (from its rounded output)"
    else:
        wide = act.parameters(torch.float64)
        reference = source = act.script_call("forward", x.double(), None, wide).to(dtype)
        gxr = act.script_call("backward", (source if from_output else x).double(), gy.double(), wide).to(dtype)
        against = backward_against = "torchscript float64"
    y = act.run("forward", x, values=values)
    gx = act.run(act.backward_kind, shifted(torch, source, shift) if from_output else x, gy, values)
    case = f"{name} n={n} start+{shift}"
    rows = [value_row(act, "forward", case, against, compare(y, reference, name, x)),
            value_row(act, "backward", case, backward_against, compare(gx, gxr, name, x, ~x.isnan()))]
    if act.entry["builtin"] is not None and name not in HALF_WIDTH:
        finite = x.isfinite()
        rows += parameter_checks(act, x[finite], gy[finite], name, case)
    return rows


def value_checks(gpu, act, quick):
    """Rows: kernel vs builtin (or vs the TorchScript program where there is no builtin), per dtype, length and start;
    a case that raises is a failing row of its own."""
    torch, rows = gpu.torch, []
    for dtype in [torch.float32, torch.float64, torch.float16, torch.bfloat16]:
        for n in [1, 7, 4097] + ([] if quick else [1000003]):
            for shift in [0, 1]:
                what = f"values {str(dtype).replace('torch.', '')} n={n} start+{shift}"
                rows += gpu.attempt(act.entry["id"], what, lambda: value_case(act, torch, dtype, n, shift), value_row=True)
    return rows


def parameter_checks(act, x, gy, dtype, case):
    """Each learnable parameter: the sum of the grad_k kernel's per-element gy * df/dθ against the builtin's θ.grad."""
    rows = []
    for k, p in enumerate(act.entry["parameters"]):
        if p["role"] != "learnable" or x.numel() == 0:
            continue
        values = act.parameters(x.dtype)
        leaf = {n: (v.clone().requires_grad_(True) if is_tensor(v) else v) for n, v in values.items()}
        act.builtin(x, leaf).backward(gy)
        per_element = act.run(f"grad_{k}", x, gy, values).double()
        error = (per_element.sum() - leaf[p["name"]].grad.double().sum()).abs().item()
        bound = 10 * TOLERANCE[dtype][0] * max(per_element.abs().sum().item(), 1.0)
        rows.append(dict(activation=act.entry["id"], check=f"grad_{k} (sum)", case=case, against="builtin",
                         failures=int(not error <= bound), limits=0, worst=error))
    return rows


def per_channel_checks(gpu, act):
    """Tensor parameters one per channel along dimension 1 (as PyTorch's PReLU weight), values differing per channel:
    every kernel against the TorchScript program in float64 with the same broadcast [1, C, 1, 1] parameters."""
    if all(p["role"] == "hyper" for p in act.entry["parameters"]):
        return []
    act.need_script()
    torch, rows, shape = gpu.torch, [], (4, 3, 5, 7)
    kinds = [("forward", "forward"), (act.backward_kind, "backward")] + [
        (f"grad_{k}", f"grad_{k}") for k, p in enumerate(act.entry["parameters"]) if p["role"] == "learnable"] + [
        (k, k) for k in act.entry["secondOrder"]]
    for dtype in [torch.float32, torch.float64]:
        name = str(dtype).replace("torch.", "")
        x = inputs(torch, dtype, math.prod(shape), 0).view(shape)
        gy = torch.linspace(0.5, 2.0, x.numel(), dtype=dtype, device="cuda").view(shape)
        values = {p["name"]: float(p["default"]) if p["role"] == "hyper"
                  else (p["default"] + torch.arange(3, dtype=dtype, device="cuda") / 16).view(1, 3, 1, 1)
                  for p in act.entry["parameters"]}
        wide = {k: v.double() if is_tensor(v) else v for k, v in values.items()}
        y = act.run("forward", x, values=values)
        for kind, function in kinds:
            def one(kind=kind, function=function):
                gg = gy.flip(-1).contiguous() if kind.startswith("second_") else None
                from_y = kind == "backward_from_output" or (kind.startswith("second_") and act.entry["backwardFromOutput"])
                first = y if from_y else x
                ours = act.run(kind, first, None if kind == "forward" else gy, values, gg)
                reference = act.script_call(function, first.double(), None if kind == "forward" else gy.double(), wide,
                                            None if gg is None else gg.double()).to(dtype)
                return [value_row(act, f"{kind} (per channel)", f"{name} {list(shape)}", "torchscript float64",
                                  compare(ours, reference, name, x, None if kind == "forward" else x.isfinite()))]
            rows += gpu.attempt(act.entry["id"], f"{kind} (per channel) {name}", one, value_row=True)
    return rows


def second_order_checks(gpu, act):
    """Each second-order kernel (gg * gy * d2f/dadb, from x or from y) against the TorchScript program's function of the
    same name in float64, parameters at their defaults; odd length, aligned and unaligned starts."""
    if not act.entry["secondOrder"]:
        return []
    act.need_script()
    torch, rows = gpu.torch, []
    for dtype in [torch.float32, torch.float64]:
        name = str(dtype).replace("torch.", "")
        for shift in [0, 1]:
            for kind in act.entry["secondOrder"]:
                def one(kind=kind, dtype=dtype, shift=shift, name=name):
                    x = inputs(torch, dtype, 4097, shift)
                    gy = torch.linspace(0.5, 2.0, x.numel(), dtype=dtype, device="cuda")
                    gg = torch.linspace(1.5, -0.75, x.numel(), dtype=dtype, device="cuda")
                    values = act.parameters(dtype)
                    wide = {k: v.double() if is_tensor(v) else v for k, v in values.items()}
                    first = shifted(torch, act.run("forward", x, values=values), shift) if act.entry["backwardFromOutput"] else x
                    ours = act.run(kind, first, gy, values, gg)
                    reference = act.script_call(kind, first.double(), gy.double(), wide, gg.double()).to(dtype)
                    return [value_row(act, kind, f"{name} n=4097 start+{shift}", "torchscript float64",
                                      compare(ours, reference, name, x, x.isfinite()))]
                rows += gpu.attempt(act.entry["id"], f"{kind} {name} start+{shift}", one, value_row=True)
    return rows


def timed(torch, call, reps, inner):
    """Median milliseconds of one call() over reps, by CUDA events around `inner` calls back to back (so that the GPU's
    queue stays full and launch latency is not what is measured), after two warm-up calls."""
    call(), call()
    torch.cuda.synchronize()
    times = []
    for _ in range(reps):
        start, stop = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        start.record()
        for _ in range(inner):
            call()
        stop.record()
        stop.synchronize()
        times.append(start.elapsed_time(stop) / inner)
    return sorted(times)[len(times) // 2]


def launches(torch, call):
    """CUDA kernels one call launches (torch.profiler's device events, copies and memsets left out); None when the
    profiler saw no device activity at all (CUPTI not working), rather than a misleading 0."""
    call()
    torch.cuda.synchronize()
    with torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CUDA]) as profiler:
        call()
        torch.cuda.synchronize()
    names = [e.name for e in profiler.events() if e.device_type == torch.autograd.DeviceType.CUDA]
    if not names:
        return None
    return len([n for n in names if "memcpy" not in n.lower() and "memset" not in n.lower()])


def speed(gpu, act, n, reps):
    torch, aid = gpu.torch, act.entry["id"]
    x = torch.randn(n, device="cuda", dtype=torch.float32)
    gy = torch.randn(n, device="cuda", dtype=torch.float32)
    values = act.parameters(torch.float32)
    out = torch.empty_like(x)
    inner = 10

    def ours_forward():
        return act.run("forward", x, values=values)

    def ours_both():
        y = act.run("forward", x, values=values)
        return act.run(act.backward_kind, y if act.backward_kind.endswith("output") else x, gy, values)

    def copy():
        out.copy_(x)

    row = dict(activation=aid, n=n, reps=reps, inner=inner)
    copy_ms = timed(torch, copy, reps, inner)
    row["copy_gbps"] = 2 * 4 * n / copy_ms / 1e6
    row["actgen_forward_ms"] = timed(torch, ours_forward, reps, inner)
    row["actgen_both_ms"] = timed(torch, ours_both, reps, inner)
    row["actgen_forward_of_copy"] = (2 * 4 * n / row["actgen_forward_ms"] / 1e6) / row["copy_gbps"]
    row["actgen_both_of_copy"] = (5 * 4 * n / row["actgen_both_ms"] / 1e6) / row["copy_gbps"]
    row["actgen_forward_launches"] = gpu.attempt(aid, "launches (actgen forward)", lambda: launches(torch, ours_forward))
    row["actgen_both_launches"] = gpu.attempt(aid, "launches (actgen both)", lambda: launches(torch, ours_both))
    if act.entry["builtin"] is not None:
        leaf = {k: (v.clone().requires_grad_(True) if is_tensor(v) else v) for k, v in values.items()}
        xr = x.clone().requires_grad_(True)

        def builtin_forward():
            with torch.no_grad():
                return act.builtin(x, values)

        def builtin_both():
            y = act.builtin(xr, leaf)
            return torch.autograd.grad(y, xr, gy)

        row["builtin_forward_ms"] = timed(torch, builtin_forward, reps, inner)
        row["builtin_both_ms"] = timed(torch, builtin_both, reps, inner)
        row["builtin_forward_launches"] = gpu.attempt(aid, "launches (builtin forward)", lambda: launches(torch, builtin_forward))
        row["builtin_both_launches"] = gpu.attempt(aid, "launches (builtin both)", lambda: launches(torch, builtin_both))
        row["forward_vs_builtin"] = row["actgen_forward_ms"] / row["builtin_forward_ms"]
        row["both_vs_builtin"] = row["actgen_both_ms"] / row["builtin_both_ms"]
    return row


def script_check(gpu, act):
    """The TorchScript program on CUDA: its forward against the kernel, NNC fusion after warm-up, kernels per call. A
    fresh compilation unit, so that the value checks' float64 calls have not used up the executor's specialisations."""
    if act.script_source is None:
        return None
    act.need_script()
    torch, aid = gpu.torch, act.entry["id"]
    script = torch.jit.CompilationUnit(act.script_source)
    x = inputs(torch, torch.float32, 4097, 0)
    values = act.parameters(torch.float32)
    for _ in range(3):  # call 1 is profiled, call 2 compiles the fusion group, call 3 runs it
        y = act.script_call("forward", x, None, values, script=script)
    graph = str(torch.jit.last_executed_optimized_graph())
    bad, _, _ = compare(y, act.run("forward", x, values=values), "float32", x)
    gy = torch.ones_like(x)
    first = y if act.backward_kind.endswith("output") else x
    for _ in range(3):
        gx = act.script_call("backward", first, gy, values, script=script)
    backward_graph = str(torch.jit.last_executed_optimized_graph())
    backward_bad, _, _ = compare(gx, act.run(act.backward_kind, first, gy, values), "float32", x, ~x.isnan())
    return dict(activation=aid, forward_failures=bad, backward_failures=backward_bad,
                forward_fused="prim::TensorExprGroup" in graph,
                backward_fused="prim::TensorExprGroup" in backward_graph,
                forward_launches=gpu.attempt(aid, "launches (torchscript forward)",
                                             lambda: launches(torch, lambda: act.script_call("forward", x, None, values, script=script))),
                backward_launches=gpu.attempt(aid, "launches (torchscript backward)",
                                              lambda: launches(torch, lambda: act.script_call("backward", first, gy, values, script=script))))


def draw_checks(gpu, export):
    """Rows: the draw's kernels on torch CUDA tensors against the CPU's draw (the Python reference), bit for bit."""
    torch, draw = gpu.torch, load_draw(export)
    image, _ = gpu.nvrtc.compile((export / draw["cuda"]).read_text(encoding="utf-8"), draw["cuda"], gpu.arch)
    module = gpu.driver.module(image)
    rows, n = [], 4099
    for dtype, name in sorted(draw["kernels"].items()):
        function = gpu.driver.function(module, name)
        for seed, lower, upper in [(12345, 1 / 8, 1 / 3), (MASK64, -2.0, 5.0)]:
            out = torch.empty(n, dtype=getattr(torch, dtype), device="cuda")
            arguments = [ctypes.c_void_p(out.data_ptr()), ctypes.c_longlong(n), ctypes.c_ulonglong(seed),
                         ctypes.c_double(lower), ctypes.c_double(upper)]
            gpu.driver.launch(function, max(1, min((n + 255) // 256, gpu.sms * 32)), 256, arguments,
                              torch.cuda.current_stream().cuda_stream)
            ours = out.double().cpu().tolist()
            cpu = counter_uniform(seed, n, lower, upper, dtype)
            bad = sum(1 for a, b in zip(ours, cpu) if a != b)
            rows.append(dict(activation="ActGen.CounterUniform", check="draw", case=f"{dtype} n={n} seed={seed}",
                             against="the CPU's draw, bit for bit", failures=bad, limits=0,
                             worst=max((abs(a - b) for a, b in zip(ours, cpu)), default=0.0)))
    return rows


def write_table(path, rows):
    """CSV and markdown, each written to a temporary file and renamed, so that a kill mid-write leaves the last whole one."""
    if not rows:
        return
    keys = list(dict.fromkeys(k for r in rows for k in r))
    temporary = path.with_suffix(".csv.tmp")
    with open(temporary, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, keys)
        writer.writeheader()
        writer.writerows(rows)
    os.replace(temporary, path.with_suffix(".csv"))
    temporary = path.with_suffix(".md.tmp")
    with open(temporary, "w", encoding="utf-8") as f:
        f.write("| " + " | ".join(keys) + " |\n| " + " | ".join("---" for _ in keys) + " |\n")
        for r in rows:
            f.write("| " + " | ".join(f"{r.get(k, ''):.3g}" if isinstance(r.get(k), float) else str(r.get(k, "")) for k in keys) + " |\n")
    os.replace(temporary, path.with_suffix(".md"))


def on_gpu(args, activations):
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    run = Run(out, args.budget)
    selected = [e for e in activations if not args.only or e["name"].lower() in args.only]
    run.log(f"gpu-check: {len(selected)} activations, budget {args.budget:.0f} s for timing, deadline {args.deadline:.0f} s (0: none), out {out}")
    watchdog = None
    if args.deadline:
        watchdog = threading.Timer(max(1.0, args.deadline - run.elapsed()), on_deadline, (run, args.deadline))
        watchdog.daemon = True
        watchdog.start()
    import torch  # noqa: PLC0415 (the self-test runs without torch)
    run.log(f"torch {torch.__version__} imported")
    if not torch.cuda.is_available():
        run.state = "stopped: torch sees no CUDA device"
        run.flush()
        raise SystemExit("gpu-check: torch sees no CUDA device")
    try:
        torch.cuda.init()
        torch.empty(1, device="cuda")  # the primary context exists and is current from here on
        gpu = Gpu(torch, run)
    except BaseException as e:
        run.state = f"STOPPED before any check: {type(e).__name__}: {e}".replace("\n", " ")[:400]
        print(run.flush(), flush=True)
        raise
    run.n = 1 << (22 if args.quick else 26)
    run.device = (f"gpu-check on {gpu.name} (sm_{gpu.arch}, {gpu.sms} SMs, driver {gpu.driver.version}, NVRTC {gpu.nvrtc.version} "
                  f"{gpu.nvrtc.path}, torch {torch.__version__})")
    run.log(run.device + (f"; NVRTC's cubin architectures {gpu.nvrtc.archs}" if gpu.nvrtc.archs else ""))
    run.flush()
    compiled = {}
    try:
        # 1. Values: every kernel against its reference, and the draw. Always all of them (up to the deadline).
        run.log(f"values: {len(selected)} activations, then the draw")
        for entry in selected:
            aid = entry["id"]
            run.log(f"{short(aid)}: compiling, then its value checks")
            act = gpu.attempt(aid, "compile and load", lambda: Activation(gpu, entry, args.export))
            if act is None:
                run.add("values", [dict(activation=aid, check="compile and load", case="", against="", failures=1,
                                        limits=0, worst=math.nan)])
                run.flush()
                continue
            compiled[aid] = act
            rows = value_checks(gpu, act, args.quick)
            rows += gpu.attempt(aid, "per channel", lambda: per_channel_checks(gpu, act), value_row=True)
            rows += gpu.attempt(aid, "second order", lambda: second_order_checks(gpu, act), value_row=True)
            run.add("values", rows)
            failing = sum(1 for r in rows if r["failures"])
            run.log(f"{short(aid)}: compiled ({act.binary}, {act.compile_s:.1f} s), {len(rows)} value rows, {failing} failing")
            run.flush()
        run.add("values", gpu.attempt("ActGen.CounterUniform", "draw", lambda: draw_checks(gpu, args.export), value_row=True))
        run.log("draw checked")
        run.flush()
        # 2. TorchScript on CUDA, then 3. timing: each activation only while within the budget.
        for phase, step in [("torchscript", lambda act: script_check(gpu, act)),
                            ("speed", lambda act: speed(gpu, act, run.n, 5 if args.quick else 20))]:
            run.log(f"{phase}: {len(compiled)} activations, while within the budget of {args.budget:.0f} s")
            for aid, act in compiled.items():
                if run.over_budget():
                    run.add("skipped", [dict(activation=aid, step=phase, reason=f"budget of {args.budget} s spent")])
                    continue
                row = gpu.attempt(aid, phase, lambda: step(act))
                run.add(phase, [row])
                if row is not None:
                    run.log(f"{short(aid)}: {phase} " + ", ".join(
                        f"{k}={v:.3g}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items() if k != "activation"))
                run.flush()
            if any(r["step"] == phase for r in run.tables["skipped"]):
                run.log(f"{phase}: {sum(1 for r in run.tables['skipped'] if r['step'] == phase)} activations skipped (budget)")
        run.state = "complete"
    except StickyCudaError as e:
        run.state = f"STOPPED, sticky CUDA error ({e}); GPU work ended there, what came before is kept"
        run.log(run.state)
    except BaseException as e:  # noqa: BLE001 (a bug of this script or a ^C: still write what was gathered)
        run.state = f"STOPPED by {type(e).__name__}: {e}".replace("\n", " ")[:400]
        run.log(run.state)
        summary = run.flush()
        print(summary, flush=True)
        raise
    if watchdog is not None:
        watchdog.cancel()
    summary = run.flush()
    print(summary, flush=True)
    finished = run.state == "complete"
    failed = any(r.get("failures") for r in run.tables["values"]) or any(
        r.get("forward_failures") or r.get("backward_failures") for r in run.tables["torchscript"])
    return 1 if failed or not finished else 0  # an error outside the value checks (a timing step) is in the summary


def on_deadline(run, deadline):
    """The watchdog: past the deadline the step under way is abandoned; what was gathered is on disk, and the exit
    leaves the rest of the 10-minute command to run.sh's .NET part."""
    run.state = f"STOPPED at the deadline of {deadline:.0f} s (the step under way did not finish; --deadline)"
    run.log(run.state)
    faulthandler.dump_traceback(all_threads=True)
    if run.lock.acquire(timeout=10):
        try:
            print(run.flush(), flush=True)
        except Exception as e:  # noqa: BLE001
            print(f"gpu-check: writing the tables failed: {e}", flush=True)
    os._exit(3)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--export", type=pathlib.Path, default=HERE / "generated", help="the export (default: generated/)")
    parser.add_argument("--out", default="gpu-check-out", help="folder for values/speed/torchscript tables and summary.txt")
    parser.add_argument("--quick", action="store_true", help="fewer lengths, timing at 2^22 with 5 repetitions")
    parser.add_argument("--only", type=lambda s: [n.strip().lower() for n in s.split(",")], help="activation names, comma-separated")
    parser.add_argument("--budget", type=float, default=420,
                        help="seconds from the start after which no more TorchScript or timing work starts (reported as skipped); "
                             "value checks always run (default 420)")
    parser.add_argument("--deadline", type=float, default=None,
                        help="seconds from the start after which the run stops, keeping what it wrote (default budget + 60; 0: none)")
    parser.add_argument("--self-test", action="store_true", help="check the export against its sources; needs no torch or GPU")
    args = parser.parse_args()
    if args.budget <= 0:
        parser.error("--budget must be positive")
    if args.deadline is None:
        args.deadline = args.budget + 60
    problems, activations = self_test(args.export)
    if args.self_test or problems:
        for p in problems:
            print(p)
        kernels = sum(len(a["kernels"]) for a in activations)
        print(f"self-test: {len(activations)} activations, {kernels} kernels, {len(problems)} problems")
        return 1 if problems else 0
    faulthandler.enable()
    return on_gpu(args, activations)


if __name__ == "__main__":
    sys.exit(main())
