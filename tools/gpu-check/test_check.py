#!/usr/bin/env python3
"""check.py without torch or a GPU (standard library only; a C compiler for the bindings' part). Over a stand-in torch:
the run logic (one failing item is a row and the run goes on, a sticky CUDA error stops the GPU work and still writes
what was gathered, the tables are on disk as they grow, the timing budget skips and says so, the deadline stops a hung
step) and the checks themselves (value cases, second order, TorchScript, timing, launch counts, the draw) on relu with
its kernels run in Python, a wrong kernel caught. Over a stand-in libnvrtc/libcuda compiled from C: actgen_cuda's
ctypes bindings; with a real NVRTC where $ACTGEN_TEST_NVRTC names one: every exported source compiled as check.py does. `python3 tools/gpu-check/test_check.py`. None of this says anything about a real GPU."""
import csv
import ctypes
import json
import math
import os
import pathlib
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
import types
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import actgen_cuda  # noqa: E402
import check  # noqa: E402


def fake_torch():
    torch = types.ModuleType("torch")
    torch.__version__ = "0.0-standin"
    torch.cuda = types.SimpleNamespace(is_available=lambda: True, init=lambda: None, synchronize=lambda: None)
    torch.empty = lambda *a, **k: None
    return torch



# PReLU per element (a: the input, p: its slope), gy and gg factors aside: the stand-in builtin and the stand-in kernels.
PRELU_ELEMENT = {
    "forward": lambda a, p: a if a != a or a > 0 else p * a,
    "backward": lambda a, p: a if a != a else (1.0 if a > 0 else p),
    "grad_0": lambda a, p: a if a != a else (0.0 if a > 0 else a),
    "second_x_x": lambda a, p: a if a != a else 0.0,
    "second_x_0": lambda a, p: a if a != a else (0.0 if a > 0 else 1.0),
    "second_0_0": lambda a, p: a if a != a else 0.0,
}

class Stand:
    """What the stand-in checks do: per activation name, 'raise' in the value step, 'sticky' (raise and break the
    context), 'hang' (sleep past the deadline)."""

    def __init__(self, behaviour=None, step_s=0.0):
        self.behaviour, self.step_s, self.broken, self.seen = behaviour or {}, step_s, None, []


def install(test, stand):
    originals = {n: getattr(check, n) for n in ["Gpu", "Activation", "value_checks", "per_channel_checks",
                                                "second_order_checks", "draw_checks", "script_check", "speed"]}
    test.addCleanup(lambda: [setattr(check, n, v) for n, v in originals.items()])
    sys.modules["torch"] = fake_torch()
    test.addCleanup(lambda: sys.modules.pop("torch", None))

    class Gpu(check.Gpu):
        def __init__(self, torch, run):
            self.torch, self.run, self.arch, self.sms, self.name = torch, run, "90", 132, "stand-in"
            self.nvrtc = types.SimpleNamespace(version="13.0", path="libnvrtc", archs=[90])
            self.driver = types.SimpleNamespace(version="13.0")

        def broken(self):
            return stand.broken

    class Activation:
        def __init__(self, gpu, entry, export):
            self.entry, self.binary, self.compile_s, self.script, self.script_source = entry, "CUBIN", 0.0, object(), "def forward(x): ..."

    def value_checks(gpu, act, quick):
        name = act.entry["name"]
        stand.seen.append(("values", name))
        what = stand.behaviour.get(name)

        def case():
            if what == "raise":
                raise ValueError("a stand-in failure")
            if what == "sticky":
                stand.broken = "CUDA error 700 CUDA_ERROR_ILLEGAL_ADDRESS: an illegal memory access"
                raise RuntimeError("CUDA error: an illegal memory access was encountered")
            if what == "hang":
                time.sleep(30)
            time.sleep(stand.step_s)
            return [dict(activation=act.entry["id"], check="forward", case="float32 n=7", against="builtin",
                         failures=0, limits=0, worst=0.0)]
        return gpu.attempt(act.entry["id"], "values float32 n=7 start+0", case, value_row=True)

    check.Gpu, check.Activation, check.value_checks = Gpu, Activation, value_checks
    check.per_channel_checks = lambda gpu, act: []
    check.second_order_checks = lambda gpu, act: []
    check.draw_checks = lambda gpu, export: [dict(activation="ActGen.CounterUniform", check="draw", case="", against="",
                                                  failures=0, limits=0, worst=0.0)]

    def script_check(gpu, act):
        stand.seen.append(("torchscript", act.entry["name"]))
        time.sleep(stand.step_s)
        return dict(activation=act.entry["id"], forward_failures=0, backward_failures=0, forward_fused=True,
                    backward_fused=True, forward_launches=1, backward_launches=1)

    def speed(gpu, act, n, reps):
        stand.seen.append(("speed", act.entry["name"]))
        time.sleep(stand.step_s)
        return dict(activation=act.entry["id"], n=n, copy_gbps=4000.0, actgen_forward_ms=0.1, actgen_both_ms=0.3,
                    actgen_forward_of_copy=0.9, actgen_both_of_copy=0.85, actgen_forward_launches=1, actgen_both_launches=2)

    check.script_check, check.speed = script_check, speed


def entries(*names):
    return [dict(id=f"Stand.{n}", name=n) for n in names]


def arguments(out, budget=420.0, deadline=0.0):
    return types.SimpleNamespace(out=str(out), budget=budget, deadline=deadline, only=None, quick=True, export=None)


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


class RunTests(unittest.TestCase):
    def setUp(self):
        self.out = pathlib.Path(tempfile.mkdtemp(prefix="gpu-check-test-"))
        self.addCleanup(shutil.rmtree, self.out, True)

    def test_a_clean_run_writes_every_table_and_exits_0(self):
        install(self, Stand())
        self.assertEqual(0, check.on_gpu(arguments(self.out), entries("A", "B")))
        summary = (self.out / "summary.txt").read_text(encoding="utf-8")
        self.assertIn("stand-in", summary)
        self.assertIn(": complete;", summary)
        self.assertIn("values 3/3 ok", summary)
        self.assertEqual(3, len(rows(self.out / "values.csv")))
        self.assertEqual(2, len(rows(self.out / "speed.csv")))
        self.assertEqual(2, len(rows(self.out / "torchscript.csv")))

    def test_one_failing_item_is_a_row_and_the_run_goes_on(self):
        stand = Stand({"A": "raise"})
        install(self, stand)
        self.assertEqual(1, check.on_gpu(arguments(self.out), entries("A", "B")))
        values = rows(self.out / "values.csv")
        self.assertEqual(["1", "0", "0"], [r["failures"] for r in values])
        self.assertIn("ValueError: a stand-in failure", rows(self.out / "errors.csv")[0]["error"])
        self.assertIn(("speed", "B"), stand.seen)
        self.assertIn(": complete;", (self.out / "summary.txt").read_text(encoding="utf-8"))

    def test_a_sticky_error_stops_the_gpu_work_and_keeps_what_came_before(self):
        stand = Stand({"B": "sticky"})
        install(self, stand)
        self.assertEqual(1, check.on_gpu(arguments(self.out), entries("A", "B", "C")))
        summary = (self.out / "summary.txt").read_text(encoding="utf-8")
        self.assertIn("STOPPED, sticky CUDA error", summary)
        self.assertIn("CUDA_ERROR_ILLEGAL_ADDRESS", summary)
        self.assertEqual(["Stand.A"], [r["activation"] for r in rows(self.out / "values.csv")])
        self.assertNotIn(("values", "C"), stand.seen)
        self.assertFalse((self.out / "speed.csv").exists())

    def test_past_the_budget_timing_is_skipped_and_said_so(self):
        stand = Stand(step_s=0.05)
        install(self, stand)
        budget = check.Run.elapsed() + 0.12  # the value checks (0.15 s) spend it
        self.assertEqual(0, check.on_gpu(arguments(self.out, budget=budget), entries("A", "B", "C")))
        self.assertEqual(4, len(rows(self.out / "values.csv")))  # and the draw's
        self.assertNotIn(("speed", "C"), stand.seen)
        skipped = rows(self.out / "skipped.csv")
        self.assertTrue(skipped and all("budget" in r["reason"] for r in skipped))
        self.assertIn("skipped (budget): ", (self.out / "summary.txt").read_text(encoding="utf-8"))

    def test_the_deadline_stops_a_hung_step_and_leaves_the_tables(self):
        stand = Stand({"B": "hang"})
        install(self, stand)
        exited = threading.Event()
        self.addCleanup(setattr, check, "os", check.os)
        check.os = types.SimpleNamespace(replace=check.os.replace, _exit=lambda code: exited.set(), environ=check.os.environ)
        deadline = check.Run.elapsed() + 0.5
        worker = threading.Thread(target=check.on_gpu, args=(arguments(self.out, deadline=deadline), entries("A", "B")), daemon=True)
        worker.start()
        self.assertTrue(exited.wait(10))
        self.assertIn("STOPPED at the deadline", (self.out / "summary.txt").read_text(encoding="utf-8"))
        self.assertEqual(["Stand.A"], [r["activation"] for r in rows(self.out / "values.csv")])


FAKE = r"""
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
typedef struct { char* src; char options[512]; int bad; } program;
static int created, destroyed, params_wanted;
static unsigned long long params[16];
static unsigned grid_seen, block_seen; static void* stream_seen; static int sync_status;
static void* const CONTEXT = (void*)0x7f00deadbeef0000ull;
int fake_created(void) { return created; }
int fake_destroyed(void) { return destroyed; }
void fake_want_params(int n) { params_wanted = n; }
unsigned long long fake_param(int i) { return params[i]; }
unsigned fake_grid(void) { return grid_seen; }
unsigned fake_block(void) { return block_seen; }
void* fake_stream(void) { return stream_seen; }
void fake_sync_status(int s) { sync_status = s; }
const char* nvrtcGetErrorString(int s) { return s == 6 ? "NVRTC_ERROR_COMPILATION" : "NVRTC_ERROR"; }
int nvrtcVersion(int* major, int* minor) { *major = 13; *minor = 0; return 0; }
int nvrtcGetNumSupportedArchs(int* n) { *n = 2; return 0; }
int nvrtcGetSupportedArchs(int* a) { a[0] = 89; a[1] = 90; return 0; }
int nvrtcCreateProgram(void** prog, const char* src, const char* name, int n, const char* const* h, const char* const* i) {
  program* p = calloc(1, sizeof *p); p->src = strdup(src); *prog = p; created++; return (n == 0 && !h && !i && name) ? 0 : 3; }
int nvrtcCompileProgram(void* prog, int n, const char* const* options) {
  program* p = prog; for (int k = 0; k < n; k++) { strcat(p->options, options[k]); strcat(p->options, " "); }
  p->bad = strstr(p->src, "#error") != NULL; return p->bad ? 6 : 0; }
int nvrtcDestroyProgram(void** prog) { program* p = *prog; free(p->src); free(p); *prog = NULL; destroyed++; return 0; }
static void image(program* p, char* out, size_t* size) { char b[1024]; snprintf(b, sizeof b, "CUBIN:%s", p->options); if (size) *size = strlen(b); if (out) memcpy(out, b, strlen(b)); }
int nvrtcGetCUBINSize(void* prog, size_t* size) { image(prog, NULL, size); return 0; }
int nvrtcGetCUBIN(void* prog, char* out) { image(prog, out, NULL); return 0; }
int nvrtcGetPTXSize(void* prog, size_t* size) { *size = 4; return 0; }
int nvrtcGetPTX(void* prog, char* out) { memcpy(out, "PTX", 4); return 0; }
int nvrtcGetProgramLogSize(void* prog, size_t* size) { *size = ((program*)prog)->bad ? 20 : 1; return 0; }
int nvrtcGetProgramLog(void* prog, char* out) { strcpy(out, ((program*)prog)->bad ? "error: it says #error" : ""); return 0; }
int cuGetErrorString(int s, const char** text) { *text = s == 700 ? "an illegal memory access was encountered" : "some error"; return 0; }
int cuGetErrorName(int s, const char** text) { *text = s == 700 ? "CUDA_ERROR_ILLEGAL_ADDRESS" : "CUDA_ERROR"; return 0; }
int cuInit(unsigned flags) { return flags == 0 ? 0 : 1; }
int cuDriverGetVersion(int* v) { *v = 13000; return 0; }
int cuDeviceGet(int* d, int ordinal) { *d = ordinal; return 0; }
int cuDevicePrimaryCtxRetain(void** ctx, int dev) { *ctx = CONTEXT; return dev == 0 ? 0 : 101; }
int cuCtxSetCurrent(void* ctx) { return ctx == CONTEXT ? 0 : 201; }
int cuCtxSynchronize(void) { return sync_status; }
int cuModuleLoadData(void** module, const void* data) { if (strncmp(data, "CUBIN:", 6)) return 200; *module = strdup(data); return 0; }
int cuModuleGetFunction(void** f, void* module, const char* name) { if (!module) return 400; *f = strdup(name); return 0; }
int cuLaunchKernel(void* f, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by, unsigned bz, unsigned shared,
                   void* stream, void** kernelParams, void** extra) {
  if (!f || gy != 1 || gz != 1 || by != 1 || bz != 1 || shared != 0 || extra) return 1;
  grid_seen = gx; block_seen = bx; stream_seen = stream;
  for (int k = 0; k < params_wanted; k++) memcpy(&params[k], kernelParams[k], 8);
  return 0; }
"""


class BindingTests(unittest.TestCase):
    """actgen_cuda's ctypes bindings against a stand-in libnvrtc/libcuda built here with the real C signatures: 64-bit
    handles and pointers survive, kernelParams point at each argument's value, programs are destroyed."""

    @classmethod
    def setUpClass(cls):
        compiler = shutil.which("cc") or shutil.which("gcc")
        if compiler is None:
            raise unittest.SkipTest("no C compiler")
        folder = pathlib.Path(tempfile.mkdtemp(prefix="gpu-check-fake-"))
        cls.addClassCleanup(shutil.rmtree, folder, True)
        (folder / "fake.c").write_text(FAKE, encoding="utf-8")
        cls.library = str(folder / "libfake.so")
        subprocess.run([compiler, "-shared", "-fPIC", "-O1", "-o", cls.library, str(folder / "fake.c")], check=True)
        cls.fake = ctypes.CDLL(cls.library)
        cls.fake.fake_param.restype = ctypes.c_ulonglong
        cls.fake.fake_stream.restype = ctypes.c_void_p
        cls.fake.fake_grid.restype = cls.fake.fake_block.restype = ctypes.c_uint

    def nvrtc(self):
        previous = os.environ.get("ACTGEN_NVRTC")
        os.environ["ACTGEN_NVRTC"] = self.library
        self.addCleanup(lambda: os.environ.__setitem__("ACTGEN_NVRTC", previous) if previous else os.environ.pop("ACTGEN_NVRTC", None))
        return actgen_cuda.Nvrtc(types.SimpleNamespace(__file__="/nonexistent/torch/__init__.py"))

    def test_nvrtc_compiles_with_the_options_and_destroys_every_program(self):
        nvrtc = self.nvrtc()
        self.assertEqual(("13.0", [89, 90]), (nvrtc.version, nvrtc.archs))
        before = self.fake.fake_created()
        image, binary = nvrtc.compile('extern "C" __global__ void k() {}', "k.cu", "90")
        self.assertEqual("CUBIN", binary)
        self.assertEqual(b"CUBIN:--std=c++17 --gpu-architecture=sm_90 -default-device -DNDEBUG ", image)
        self.assertEqual(("PTX", b"PTX\0"), nvrtc.compile("", "k.cu", "100")[::-1])  # an architecture it has no cubin for
        with self.assertRaisesRegex(RuntimeError, "(?s)NVRTC_ERROR_COMPILATION.*it says #error"):
            nvrtc.compile("#error", "bad.cu", "90")
        self.assertEqual(self.fake.fake_created() - before, 3)
        self.assertEqual(self.fake.fake_created(), self.fake.fake_destroyed())

    def test_the_driver_passes_64_bit_handles_and_each_argument_by_pointer(self):
        driver = actgen_cuda.Driver(0, self.library)
        self.assertEqual("13.0", driver.version)
        module = driver.module(b"CUBIN:whatever")
        function = driver.function(module, "actgen_k")
        arguments = [ctypes.c_void_p(0x7FFF12345678), ctypes.c_longlong(2 ** 40 + 3), ctypes.c_double(-1.5),
                     ctypes.c_ulonglong(2 ** 64 - 1), ctypes.c_void_p(0x7F0000000010)]
        self.fake.fake_want_params(len(arguments))
        driver.launch(function, 4224, 256, arguments, 0x7F00AABBCCDD)
        self.assertEqual([0x7FFF12345678, 2 ** 40 + 3, struct.unpack("<Q", struct.pack("<d", -1.5))[0], 2 ** 64 - 1, 0x7F0000000010],
                         [self.fake.fake_param(k) for k in range(len(arguments))])
        self.assertEqual((4224, 256, 0x7F00AABBCCDD), (self.fake.fake_grid(), self.fake.fake_block(), self.fake.fake_stream()))
        driver.launch(function, 1, 256, arguments, 0)
        self.assertIsNone(self.fake.fake_stream())  # torch's default stream, 0, is CUDA's NULL stream
        self.assertEqual(0, driver.synchronize())
        self.fake.fake_sync_status(700)
        self.addCleanup(self.fake.fake_sync_status, 0)
        self.assertEqual("CUDA error 700 CUDA_ERROR_ILLEGAL_ADDRESS: an illegal memory access was encountered",
                         driver.describe(driver.synchronize()))
        with self.assertRaisesRegex(RuntimeError, "cuModuleLoadData: CUDA error 200"):
            driver.module(b"not a cubin")


class RealNvrtcTests(unittest.TestCase):
    """check.py's compile step (actgen_cuda.Nvrtc, as check.py calls it) with a real NVRTC, where $ACTGEN_TEST_NVRTC names
    one (.ci/run fetches Debian's; NVRTC needs no GPU): every exported source and the draw become a cubin for sm_90
    holding every kernel the manifest lists."""

    def test_every_exported_source_compiles_to_a_cubin_with_its_kernels(self):
        named = [p for p in os.environ.get("ACTGEN_TEST_NVRTC", "").split(":") if p]
        if not named:
            raise unittest.SkipTest("no real NVRTC ($ACTGEN_TEST_NVRTC)")
        export = pathlib.Path(__file__).resolve().parent / "generated"
        manifest = json.loads((export / "manifest.json").read_text(encoding="utf-8"))
        sources = [(a["cuda"], [k["name"] for k in a["kernels"]]) for a in manifest["activations"]]
        sources.append((manifest["draw"]["cuda"], list(manifest["draw"]["kernels"].values())))
        previous = os.environ.get("ACTGEN_NVRTC")
        os.environ["ACTGEN_NVRTC"] = named[0]
        self.addCleanup(lambda: os.environ.__setitem__("ACTGEN_NVRTC", previous) if previous else os.environ.pop("ACTGEN_NVRTC", None))
        nvrtc = actgen_cuda.Nvrtc(types.SimpleNamespace(__file__="/nonexistent/torch/__init__.py"))
        self.assertEqual(named[0], nvrtc.path)
        for path, kernels in sources:
            with self.subTest(path):
                image, binary = nvrtc.compile((export / path).read_text(encoding="utf-8"), path, "90")
                self.assertEqual("CUBIN", binary)
                self.assertTrue(image.startswith(b"\x7fELF"))
                self.assertEqual([], [k for k in kernels if (k + "\0").encode() not in image])
        with self.assertRaisesRegex(RuntimeError, "compile bad.cu for sm_90"):
            nvrtc.compile("int broken = ;", "bad.cu", "90")


class ReferenceTests(unittest.TestCase):
    def test_compare_helpers_are_torch_free_where_they_can_be(self):
        self.assertTrue(check.is_tensor(object()))
        self.assertFalse(check.is_tensor(1))
        self.assertFalse(check.is_tensor(0.5))


# ---------------------------------------------------------------- a stand-in torch that runs the checks themselves

def _round(v, dtype):
    if v != v or dtype.name == "float64" or dtype.name == "bool":
        return v
    if dtype.name == "float32" or dtype.name == "bfloat16":
        try:
            bits = struct.unpack("<I", struct.pack("<f", v))[0]
        except OverflowError:
            return math.copysign(math.inf, v)
        if dtype.name == "bfloat16":
            bits = ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16) << 16 & 0xFFFFFFFF
        return struct.unpack("<f", struct.pack("<I", bits))[0]
    try:
        return struct.unpack("<e", struct.pack("<e", v))[0]
    except OverflowError:
        return math.copysign(math.inf, v)


def _sigmoid(a):
    if a != a:
        return a
    return 1.0 / (1.0 + math.exp(-a)) if a >= 0 else math.exp(a) / (1.0 + math.exp(a))


class _DType:
    def __init__(self, name, size):
        self.name, self.itemsize = name, size

    def __repr__(self):
        return f"torch.{self.name}"


class _Storage:
    next_base = 0x7F0000000000
    all = []

    def __init__(self, values, dtype):
        self.data, self.dtype = list(values), dtype
        self.base = _Storage.next_base
        _Storage.next_base += (len(self.data) * dtype.itemsize + 1023) // 512 * 512 + 512
        _Storage.all.append(self)

    @staticmethod
    def at(address):
        for s in _Storage.all:
            if s.base <= address < s.base + max(len(s.data), 1) * s.dtype.itemsize:
                return s, (address - s.base) // s.dtype.itemsize
        raise ValueError(f"no stand-in storage at {address:#x}")


class _Tensor:
    def __init__(self, storage, offset, shape, dtype):
        self.storage, self.offset, self.shape, self.dtype = storage, offset, tuple(shape), dtype
        self.device, self.requires_grad, self.grad, self._backward = _CUDA, False, None, None

    @staticmethod
    def of(values, dtype, shape=None):
        values = [_round(float(v), dtype) if dtype.name != "bool" else bool(v) for v in values]
        return _Tensor(_Storage(values, dtype), 0, (len(values),) if shape is None else shape, dtype)

    @property
    def values(self):
        return self.storage.data[self.offset:self.offset + self.numel()]

    def numel(self):
        return math.prod(self.shape)

    def data_ptr(self):
        return self.storage.base + self.offset * self.dtype.itemsize

    def is_contiguous(self):
        return True

    def view(self, *shape):
        shape = shape[0] if len(shape) == 1 and isinstance(shape[0], tuple) else shape
        return _Tensor(self.storage, self.offset, shape, self.dtype)

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, _ = key.indices(self.numel())
            return _Tensor(self.storage, self.offset + start, (max(stop - start, 0),), self.dtype)
        return _Tensor.of([v for v, m in zip(self.values, key.values) if m], self.dtype)

    def copy_(self, other):
        self.storage.data[self.offset:self.offset + self.numel()] = [_round(v, self.dtype) for v in other.values]
        return self

    def to(self, dtype):
        return self if dtype is self.dtype else _Tensor.of(self.values, dtype, self.shape)

    def double(self):
        return self.to(float64)

    def clone(self):
        return _Tensor.of(self.values, self.dtype, self.shape)

    def contiguous(self):
        return self

    def flip(self, dim):
        return _Tensor.of(self.values[::-1], self.dtype, self.shape)

    def detach(self):
        return _Tensor(self.storage, self.offset, self.shape, self.dtype)

    def requires_grad_(self, flag=True):
        self.requires_grad = flag
        return self

    def backward(self, g):
        self._backward(g)

    def _map(self, other, f, dtype=None):
        b = other.values if isinstance(other, _Tensor) else [other] * self.numel()
        dtype = dtype or self.dtype
        return _Tensor.of([f(x, y) for x, y in zip(self.values, b)], dtype, self.shape)

    def __add__(self, o): return self._map(o, lambda a, b: a + b)
    __radd__ = __add__
    def __sub__(self, o): return self._map(o, lambda a, b: a - b)
    def __mul__(self, o): return self._map(o, lambda a, b: a * b)
    __rmul__ = __mul__
    def __truediv__(self, o): return self._map(o, lambda a, b: a / b)
    def __le__(self, o): return self._map(o, lambda a, b: a <= b, bool_)
    def __gt__(self, o): return self._map(o, lambda a, b: a > b, bool_)
    def __eq__(self, o): return self._map(o, lambda a, b: a == b, bool_)
    def __and__(self, o): return self._map(o, lambda a, b: a and b, bool_)
    def __or__(self, o): return self._map(o, lambda a, b: a or b, bool_)
    def __invert__(self): return self._map(0, lambda a, b: not a, bool_)
    def abs(self): return self._map(0, lambda a, b: abs(a))
    def isnan(self): return self._map(0, lambda a, b: a != a, bool_)
    def isinf(self): return self._map(0, lambda a, b: math.isinf(a), bool_)
    def isfinite(self): return self._map(0, lambda a, b: math.isfinite(a), bool_)

    def nan_to_num(self, nan=0.0, posinf=None):
        return self._map(0, lambda a, b: nan if a != a else a)

    def sum(self):
        return _Tensor.of([sum(self.values)], float64 if self.dtype.name == "bool" else self.dtype)

    def max(self):
        return _Tensor.of([max(self.values)], self.dtype)

    def item(self):
        return self.values[0]

    def cpu(self):
        return self

    def tolist(self):
        return list(self.values)

    def add_(self, v):
        return self.copy_(self + v)


float32, float64, float16, bfloat16, bool_ = (_DType("float32", 4), _DType("float64", 8), _DType("float16", 2),
                                              _DType("bfloat16", 2), _DType("bool", 1))
_CUDA = types.SimpleNamespace(type="cuda")


def stand_in_torch(launched):
    """torch as far as check.py's checks use it, on Python lists; one activation, relu, and its kernels."""
    torch = types.ModuleType("torch")
    torch.__version__ = "0.0-standin"
    torch.float32, torch.float64, torch.float16, torch.bfloat16 = float32, float64, float16, bfloat16
    torch.contiguous_format = object()
    torch.tensor = lambda values, dtype, device=None: _Tensor.of(values, dtype)
    torch.empty = lambda n, dtype=float32, device=None: _Tensor.of([0.0] * n, dtype)
    torch.empty_like = lambda x, memory_format=None: _Tensor.of([0.0] * x.numel(), x.dtype, x.shape)
    torch.ones_like = lambda x: _Tensor.of([1.0] * x.numel(), x.dtype, x.shape)
    torch.ones = lambda n, device=None: _Tensor.of([1.0] * n, float32)
    torch.linspace = lambda a, b, n, dtype=float32, device=None: _Tensor.of(
        [a + (b - a) * i / max(n - 1, 1) for i in range(n)], dtype)
    torch.cat = lambda ts: _Tensor.of([v for t in ts for v in t.values], ts[0].dtype)

    class Generator:
        def __init__(self, device=None):
            self.random = random.Random(0)

        def manual_seed(self, seed):
            self.random.seed(seed)
            return self

    torch.Generator = Generator
    torch.randn = lambda n, dtype=float32, device=None, generator=None: _Tensor.of(
        [(generator.random if generator else random).gauss(0, 1) for _ in range(n)], dtype)

    def kernel():
        for seen in launched:
            seen.append("a torch kernel")

    def relu(x):
        kernel()
        y = x._map(0, lambda a, b: a if a != a or a > 0 else 0.0)
        if x.requires_grad:
            def backward(g):
                x.grad = _Tensor.of([gv * (1.0 if a > 0 else 0.0) for a, gv in zip(x.values, g.values)], x.dtype, x.shape)
            y._backward = backward
        return y

    torch.relu = relu

    def sigmoid(x):
        kernel()
        y = x._map(0, lambda a, b: _sigmoid(a))
        y = _Tensor.of(y.values, x.dtype, x.shape)  # rounded to x's dtype, as torch's own

        def backward(g):  # from the rounded output, computed in float and rounded, as libtorch's half-width autograd
            x.grad = _Tensor.of([gv * (v * (1.0 - v)) for v, gv in zip(y.values, g.values)], x.dtype, x.shape)
        y._backward = backward
        return y

    torch.sigmoid = sigmoid

    def prelu(x, weight):
        kernel()
        w = weight.values[0]
        y = x._map(0, lambda a, b: a if a != a or a > 0 else w * a)

        def backward(g):
            if x.requires_grad:
                x.grad = _Tensor.of([gv * (1.0 if a > 0 else w) for a, gv in zip(x.values, g.values)], x.dtype, x.shape)
            if weight.requires_grad:
                weight.grad = _Tensor.of([sum(gv * a for a, gv in zip(x.values, g.values) if not a > 0)], weight.dtype)
        y._backward = backward
        return y

    class Event:
        def __init__(self, enable_timing=False):
            self.t = None

        def record(self):
            self.t = time.perf_counter()

        def synchronize(self):
            pass

        def elapsed_time(self, other):
            return max((other.t - self.t) * 1e3, 1e-6)

    stream = types.SimpleNamespace(cuda_stream=0)
    torch.cuda = types.SimpleNamespace(is_available=lambda: True, init=lambda: None, synchronize=lambda: None,
                                       Event=Event, current_stream=lambda: stream)
    torch.nn = types.SimpleNamespace(functional=types.SimpleNamespace(prelu=prelu))
    torch.arange = lambda n, dtype=float32, device=None: _Tensor.of(list(range(n)), dtype)

    class NoGrad:
        def __enter__(self):
            return self

        def __exit__(self, *a):
            return False

    torch.no_grad = NoGrad

    def grad(y, x, g):
        y.backward(g)
        return (x.grad,)

    torch.autograd = types.SimpleNamespace(grad=grad, DeviceType=types.SimpleNamespace(CUDA="cuda", CPU="cpu"))

    class Profile:
        def __init__(self, activities):
            self.seen = []

        def __enter__(self):
            launched.append(self.seen)
            return self

        def __exit__(self, *a):
            launched.remove(self.seen)
            return False

        def events(self):
            return [types.SimpleNamespace(name=n, device_type="cuda") for n in self.seen]

    torch.profiler = types.SimpleNamespace(profile=Profile, ProfilerActivity=types.SimpleNamespace(CUDA="cuda"))

    def broadcast(x, w):
        """w's value for each element of x, by torch's broadcasting (w's dimensions aligned to x's last ones)."""
        if w.numel() == 1:
            return [w.values[0]] * x.numel()
        shape, wshape = x.shape, (1,) * (len(x.shape) - len(w.shape)) + tuple(w.shape)
        out = []
        for i in range(x.numel()):
            index, rest = [], i
            for d in reversed(shape):
                index.append(rest % d)
                rest //= d
            index = index[::-1]
            flat = 0
            for k, d in zip(index, wshape):
                flat = flat * d + (k if d != 1 else 0)
            out.append(w.values[flat])
        return out

    def prelu_unit(kind, x, gy=None, gg=None, w=None):
        kernel()
        ws = broadcast(x, w)
        g = gy.values if gy is not None else [1.0] * x.numel()
        h = gg.values if gg is not None else [1.0] * x.numel()
        f = PRELU_ELEMENT[kind]
        scale = (lambda i: 1.0) if kind == "forward" else (lambda i: g[i] * (h[i] if kind.startswith("second") else 1.0))
        return _Tensor.of([scale(i) * f(a, p) for i, (a, p) in enumerate(zip(x.values, ws))], x.dtype, x.shape)

    class PreluUnit:
        def __init__(self):
            for kind in ["forward", "backward", "grad_0", "second_x_x", "second_x_0", "second_0_0"]:
                if kind == "forward":
                    setattr(self, kind, lambda x, w, kind=kind: prelu_unit(kind, x, w=w))
                elif kind.startswith("second"):
                    setattr(self, kind, lambda x, gy, gg, w, kind=kind: prelu_unit(kind, x, gy, gg, w))
                else:
                    setattr(self, kind, lambda x, gy, w, kind=kind: prelu_unit(kind, x, gy, w=w))

    class SigmoidUnit:
        def forward(self, x):
            return sigmoid(x)

        def backward(self, y, gy):
            kernel()
            return y._map(gy, lambda v, g: g * (v * (1.0 - v)))

        def second_x_x(self, y, gy, gg):
            kernel()
            return _Tensor.of([h * (g * ((1.0 - v) - v)) for v, g, h in zip(y.values, gy.values, gg.values)], y.dtype, y.shape)

    class Unit:
        def __new__(cls, source):
            if "def forward" not in source:
                raise RuntimeError("no forward")
            return PreluUnit() if "weight" in source else SigmoidUnit() if "sigmoid" in source else super().__new__(cls)

        def forward(self, x):
            return relu(x)

        def backward(self, x, gy):
            kernel()
            return x._map(gy, lambda a, g: a if a != a else (g if a > 0 else 0.0))

        def second_x_x(self, x, gy, gg):
            kernel()
            return x._map(0, lambda a, b: a if a != a else 0.0)

    torch.jit = types.SimpleNamespace(CompilationUnit=Unit, last_executed_optimized_graph=lambda: "prim::TensorExprGroup_0")
    return torch


class StandInDriver:
    """Runs relu's kernels (and the draw's) in Python on the stand-in tensors, as the driver would on the GPU."""

    def __init__(self, launched):
        self.launched, self.version, self.launches = launched, "13.0", 0

    def module(self, image):
        return image

    def function(self, module, name):
        return name

    def synchronize(self):
        return 0

    def launch(self, function, grid, block, arguments, stream):
        self.launches += 1
        for seen in self.launched:
            seen.append(function)
        values = [a.value for a in arguments]
        if "counter_uniform" in function:
            storage, offset = _Storage.at(values[0])
            dtype = "float64" if function.endswith("f64") else "float32"
            storage.data[offset:offset + values[1]] = check.counter_uniform(values[2], values[1], values[3], values[4], dtype)
            return
        kind = re.search(r"_(forward|backward|backward_from_output|grad_0|second_\w_\w)_(f32|f64|f16|bf16)$", function).group(1)
        pointers = 2 if kind == "forward" else 4 if kind.startswith("second") else 3
        buffers = [_Storage.at(v) for v in values[:pointers]]
        n = values[pointers]
        read = [s.data[o:o + n] for s, o in buffers[:-1]]
        if "Sigmoid" in function:
            if kind == "forward":
                result = [_sigmoid(a) for a in read[0]]
            elif kind.startswith("backward"):
                result = [g * (v * (1.0 - v)) for v, g in zip(*read)]
            else:
                result = [h * (g * ((1.0 - v) - v)) for v, g, h in zip(*read)]
        elif "PRelu" in function:
            (ps, po), inner, channels = _Storage.at(values[pointers + 1]), values[pointers + 2], values[pointers + 3]
            p = [ps.data[po + (0 if inner == 0 else i if channels == 0 else (i // inner) % channels)] for i in range(n)]
            f = PRELU_ELEMENT[kind]
            scale = [1.0] * n if kind == "forward" else read[1] if not kind.startswith("second") else [
                g * h for g, h in zip(read[1], read[2])]
            result = [c * f(a, q) for a, q, c in zip(read[0], p, scale)]
        elif kind == "forward":
            result = [a if a != a or a > 0 else 0.0 for a in read[0]]
        elif kind == "backward":
            result = [a if a != a else (g if a > 0 else 0.0) for a, g in zip(*read)]
        else:
            result = [a if a != a else 0.0 for a in read[0]]
        out, offset = buffers[-1]
        out.data[offset:offset + n] = [_round(v, out.dtype) for v in result]


class CheckTests(unittest.TestCase):
    """The checks themselves (value cases, second order, TorchScript, timing, the draw) over the stand-in torch and a
    Python relu for its kernels: they run, find relu right, and a wrong kernel is caught."""

    def setUp(self):
        self.out = pathlib.Path(tempfile.mkdtemp(prefix="gpu-check-checks-"))
        self.addCleanup(shutil.rmtree, self.out, True)
        launched = []
        sys.modules["torch"] = stand_in_torch(launched)
        self.addCleanup(lambda: sys.modules.pop("torch", None))
        originals = {n: getattr(check, n) for n in ["Gpu", "speed"]}
        self.addCleanup(lambda: [setattr(check, n, v) for n, v in originals.items()])
        self.driver = driver = StandInDriver(launched)

        class Gpu(check.Gpu):
            def __init__(self, torch, run):
                self.torch, self.run, self.arch, self.sms, self.name = torch, run, "90", 132, "stand-in"
                self.nvrtc = types.SimpleNamespace(version="13.0", path="libnvrtc", archs=[90],
                                                   compile=lambda source, name, arch: (b"CUBIN", "CUBIN"))
                self.driver = driver

        check.Gpu = Gpu
        speed = originals["speed"]
        check.speed = lambda gpu, act, n, reps: speed(gpu, act, 64, 2)

    def run_relu(self, name="Relu"):
        _, activations = check.self_test(check.HERE / "generated")
        relu = [a for a in activations if a["name"] == name]
        args = types.SimpleNamespace(out=str(self.out), budget=420.0, deadline=0.0, only=None, quick=True,
                                     export=check.HERE / "generated")
        return check.on_gpu(args, relu)

    def test_relu_passes_every_check(self):
        self.assertEqual(0, self.run_relu(), (self.out / "summary.txt").read_text(encoding="utf-8"))
        values = rows(self.out / "values.csv")
        self.assertFalse([r for r in values if r["failures"] != "0"])
        self.assertEqual(4 * 3 * 2 * 2 + 4 + 4, len(values))  # forward and backward per case, second order, the draw
        self.assertFalse((self.out / "errors.csv").exists(), (self.out / "errors.csv").read_text(encoding="utf-8") if (self.out / "errors.csv").exists() else "")
        speed = rows(self.out / "speed.csv")[0]
        self.assertEqual(("1", "2", "1"), (speed["actgen_forward_launches"], speed["actgen_both_launches"], speed["builtin_forward_launches"]))
        script = rows(self.out / "torchscript.csv")[0]
        self.assertEqual(("0", "0", "True"), (script["forward_failures"], script["backward_failures"], script["forward_fused"]))

    def test_prelu_passes_every_check_per_channel_and_its_weight_gradient(self):
        self.assertEqual(0, self.run_relu("PRelu"), (self.out / "summary.txt").read_text(encoding="utf-8"))
        values = rows(self.out / "values.csv")
        self.assertFalse([r for r in values if r["failures"] != "0"], (self.out / "summary.txt").read_text(encoding="utf-8"))
        checks = {r["check"] for r in values}
        self.assertTrue({"grad_0 (sum)", "forward (per channel)", "grad_0 (per channel)", "second_x_0 (per channel)",
                         "second_0_0"} <= checks, checks)

    def test_sigmoid_from_its_output_passes_in_every_dtype(self):
        self.assertEqual(0, self.run_relu("Sigmoid"), (self.out / "summary.txt").read_text(encoding="utf-8"))
        values = rows(self.out / "values.csv")
        self.assertFalse([r for r in values if r["failures"] != "0"], [r for r in values if r["failures"] != "0"][:3])
        self.assertIn("builtin in float16 (from its rounded output)", {r["against"] for r in values})

    def test_a_wrong_backward_kernel_is_caught(self):
        launch = self.driver.launch

        def wrong(function, grid, block, arguments, stream):
            launch(function, grid, block, arguments, stream)
            if function.endswith("_backward_f32"):
                storage, offset = _Storage.at(arguments[2].value)
                storage.data[offset] = 1234.0
        self.driver.launch = wrong
        self.assertEqual(1, self.run_relu())
        failing = [r for r in rows(self.out / "values.csv") if r["failures"] != "0"]
        self.assertTrue(failing and all(r["check"] == "backward" and r["case"].startswith("float32") for r in failing))


if __name__ == "__main__":
    unittest.main()
