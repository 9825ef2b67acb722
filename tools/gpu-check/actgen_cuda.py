"""NVRTC and the CUDA driver through ctypes, for check.py (standard library only; nothing here needs torch except
nvrtc_candidates' torch.__file__). Every function used is declared with its C signature (argtypes/restype), so that no
64-bit pointer or size passes as a C int."""
import ctypes
import glob
import os
import pathlib


def nvrtc_candidates(torch):
    found = [os.environ["ACTGEN_NVRTC"]] if os.environ.get("ACTGEN_NVRTC") else []
    site = pathlib.Path(torch.__file__).resolve().parent.parent
    for pattern in ["nvidia/cu13/lib/libnvrtc.so*", "nvidia/cuda_nvrtc/lib/libnvrtc.so*", "nvidia/*/lib/libnvrtc.so*"]:
        found += sorted(glob.glob(str(site / pattern)))
    found += sorted(glob.glob("/usr/local/cuda/lib64/libnvrtc.so*")) + sorted(glob.glob("/usr/local/cuda/targets/*/lib/libnvrtc.so*"))
    return list(dict.fromkeys(f for f in found if "builtins" not in f and "alt" not in os.path.basename(f)))


def load_builtins_beside(library):
    """NVRTC opens libnvrtc-builtins by soname when it compiles, which finds the copy beside it only where that folder is on
    the loader's path (not so for Debian's NVRTC, nor for one named by $ACTGEN_NVRTC); loaded by path first, it is found
    already loaded."""
    folder = os.path.dirname(library)
    for builtins in sorted(glob.glob(os.path.join(folder, "libnvrtc-builtins*.so*"))) if folder else []:
        try:
            ctypes.CDLL(builtins, mode=ctypes.RTLD_GLOBAL)
        except OSError:
            pass


def bind(lib, name, argtypes, restype=ctypes.c_int):
    """lib.name with its C signature declared (so that no 64-bit pointer or size goes through as a C int); None when
    this library lacks the symbol."""
    function = getattr(lib, name, None)
    if function is not None:
        function.argtypes, function.restype = argtypes, restype
    return function


P, INT, SIZE = ctypes.c_void_p, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_size_t)


class Nvrtc:
    def __init__(self, torch):
        errors = []
        for path in nvrtc_candidates(torch):
            try:
                self.lib, self.path = ctypes.CDLL(path), path
                load_builtins_beside(path)
                break
            except OSError as e:
                errors.append(f"{path}: {e}")
        else:
            raise SystemExit("gpu-check: no NVRTC found (set ACTGEN_NVRTC): " + "; ".join(errors))
        lib, strings = self.lib, ctypes.POINTER(ctypes.c_char_p)
        bind(lib, "nvrtcGetErrorString", [ctypes.c_int], ctypes.c_char_p)
        bind(lib, "nvrtcVersion", [INT, INT])
        bind(lib, "nvrtcCreateProgram", [ctypes.POINTER(P), ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int, strings, strings])
        bind(lib, "nvrtcCompileProgram", [P, ctypes.c_int, strings])
        bind(lib, "nvrtcDestroyProgram", [ctypes.POINTER(P)])
        for what in ["ProgramLog", "PTX", "CUBIN"]:
            bind(lib, f"nvrtcGet{what}Size", [P, SIZE])
            bind(lib, f"nvrtcGet{what}", [P, ctypes.c_char_p])
        major, minor = ctypes.c_int(), ctypes.c_int()
        self._check(lib.nvrtcVersion(ctypes.byref(major), ctypes.byref(minor)), "nvrtcVersion")
        self.version = f"{major.value}.{minor.value}"
        self.archs = None  # the sm_XY this NVRTC compiles cubins for (nvrtcGetSupportedArchs, NVRTC 11.2 on)
        count = ctypes.c_int()
        if bind(lib, "nvrtcGetNumSupportedArchs", [INT]) and lib.nvrtcGetNumSupportedArchs(ctypes.byref(count)) == 0:
            archs = (ctypes.c_int * max(count.value, 1))()
            if bind(lib, "nvrtcGetSupportedArchs", [INT]) and lib.nvrtcGetSupportedArchs(archs) == 0:
                self.archs = list(archs)[:count.value]

    def _check(self, status, what, program=None):
        if status != 0:
            log = self.log(program) if program is not None else ""
            raise RuntimeError(f"{what}: NVRTC error {status} {self.lib.nvrtcGetErrorString(status).decode()}\n{log}")

    def log(self, program):
        size = ctypes.c_size_t()
        if self.lib.nvrtcGetProgramLogSize(program, ctypes.byref(size)) != 0:
            return ""
        buffer = ctypes.create_string_buffer(size.value + 1)
        self.lib.nvrtcGetProgramLog(program, buffer)
        return buffer.value.decode(errors="replace")

    def compile(self, source, name, arch):
        """A cubin for sm_{arch}; PTX for compute_{arch} where this NVRTC does not know the architecture."""
        targets = [(f"sm_{arch}", "CUBIN"), (f"compute_{arch}", "PTX")]
        if self.archs is not None and int(arch) not in self.archs:
            targets = targets[1:]
        for target, binary in targets:
            program = P()
            self._check(self.lib.nvrtcCreateProgram(ctypes.byref(program), source.encode(), name.encode(), 0, None, None), "create")
            try:
                options = [b"--std=c++17", f"--gpu-architecture={target}".encode(), b"-default-device", b"-DNDEBUG"]
                status = self.lib.nvrtcCompileProgram(program, len(options), (ctypes.c_char_p * len(options))(*options))
                if status != 0 and binary == "CUBIN" and "gpu-architecture" in self.log(program):
                    continue
                self._check(status, f"compile {name} for {target}", program)
                size = ctypes.c_size_t()
                self._check(getattr(self.lib, f"nvrtcGet{binary}Size")(program, ctypes.byref(size)), "size")
                image = ctypes.create_string_buffer(size.value)  # PTX's size counts its terminating NUL
                self._check(getattr(self.lib, f"nvrtcGet{binary}")(program, image), "get")
                return image.raw[:size.value], binary
            finally:
                self.lib.nvrtcDestroyProgram(ctypes.byref(program))
        raise RuntimeError(f"NVRTC {self.version} knows neither sm_{arch} nor compute_{arch}")


class Driver:
    def __init__(self, device, library="libcuda.so.1"):
        self.lib = lib = ctypes.CDLL(library)
        bind(lib, "cuGetErrorString", [ctypes.c_int, ctypes.POINTER(ctypes.c_char_p)])
        bind(lib, "cuGetErrorName", [ctypes.c_int, ctypes.POINTER(ctypes.c_char_p)])
        bind(lib, "cuInit", [ctypes.c_uint])
        bind(lib, "cuDriverGetVersion", [INT])
        bind(lib, "cuDeviceGet", [INT, ctypes.c_int])
        bind(lib, "cuDevicePrimaryCtxRetain", [ctypes.POINTER(P), ctypes.c_int])
        bind(lib, "cuCtxSetCurrent", [P])
        self._synchronize = bind(lib, "cuCtxSynchronize", [])  # the legacy entry point, current context
        bind(lib, "cuModuleLoadData", [ctypes.POINTER(P), ctypes.c_char_p])
        bind(lib, "cuModuleGetFunction", [ctypes.POINTER(P), P, ctypes.c_char_p])
        u = ctypes.c_uint
        bind(lib, "cuLaunchKernel", [P, u, u, u, u, u, u, u, P, ctypes.POINTER(P), ctypes.POINTER(P)])
        self._check(lib.cuInit(0), "cuInit")
        version = ctypes.c_int()
        self.version = f"{version.value // 1000}.{version.value % 1000 // 10}" if lib.cuDriverGetVersion(ctypes.byref(version)) == 0 else "?"
        handle, self.context = ctypes.c_int(), P()
        self._check(lib.cuDeviceGet(ctypes.byref(handle), device), "cuDeviceGet")
        self._check(lib.cuDevicePrimaryCtxRetain(ctypes.byref(self.context), handle.value), "cuDevicePrimaryCtxRetain")
        self._check(lib.cuCtxSetCurrent(self.context), "cuCtxSetCurrent")

    def describe(self, status):
        name, text = ctypes.c_char_p(), ctypes.c_char_p()
        self.lib.cuGetErrorName(status, ctypes.byref(name))
        self.lib.cuGetErrorString(status, ctypes.byref(text))
        return f"CUDA error {status} {(name.value or b'').decode()}: {(text.value or b'').decode()}"

    def _check(self, status, what):
        if status != 0:
            raise RuntimeError(f"{what}: {self.describe(status)}")

    def synchronize(self):
        """cuCtxSynchronize's status: 0, or the context's error (a sticky one stays)."""
        if self._synchronize is None:
            return 0
        self.lib.cuCtxSetCurrent(self.context)
        return self._synchronize()

    def module(self, image):
        module = P()
        self._check(self.lib.cuModuleLoadData(ctypes.byref(module), image), "cuModuleLoadData")
        return module

    def function(self, module, name):
        function = P()
        self._check(self.lib.cuModuleGetFunction(ctypes.byref(function), module, name.encode()), f"cuModuleGetFunction {name}")
        return function

    def launch(self, function, grid, block, arguments, stream):
        """On torch's current stream (the default one unless a caller changed it), so ordering with torch's kernels holds.
        kernelParams: one pointer per argument, to a ctypes value of the argument's C type; `arguments` keeps them alive."""
        self._check(self.lib.cuCtxSetCurrent(self.context), "cuCtxSetCurrent")
        pointers = (P * len(arguments))(*[ctypes.addressof(a) for a in arguments])
        self._check(self.lib.cuLaunchKernel(function, grid, 1, 1, block, 1, 1, 0, stream, pointers, None), "cuLaunchKernel")
