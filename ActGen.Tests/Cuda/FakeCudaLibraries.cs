using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using ActGen.Cuda;
using ActGen.Torch;

namespace ActGen.Tests.Cuda;

/// <summary>
/// Stand-ins for <c>libcuda.so.1</c> and NVRTC, built with the host C++ compiler, that export the functions ActGen binds
/// and record what they are called with: the runtime's native calls (marshalling, order, caching) run on a machine
/// without a GPU. The fake NVRTC "compiles" to an image that spells the options it received; the fake driver has one
/// device (ordinal 0, sm_90, 132 SMs), refuses images that start with "BAD", records each launch's arguments and can be made
/// to fail launches or context switches.
/// </summary>
public sealed unsafe class FakeCudaLibraries : IDisposable
{
    internal const string Nvrtc = """
        #include <cstdio>
        #include <cstdlib>
        #include <cstring>
        #include <string>
        #include <cstddef>
        struct Program { std::string source, name, log, image; };
        static int compiles = 0;
        extern "C" {
        int nvrtcVersion(int* major, int* minor) { *major = 13; *minor = 0; return 0; }
        int nvrtcGetNumSupportedArchs(int* n) { *n = 3; return 0; }
        int nvrtcGetSupportedArchs(int* a) { a[0] = 80; a[1] = 90; a[2] = 100; return 0; }
        int nvrtcCreateProgram(void** p, const char* source, const char* name, int, const char* const*, const char* const*) {
            *p = new Program{source, name ? name : "", "", ""}; return 0; }
        int nvrtcCompileProgram(void* p, int n, const char* const* options) {
            Program* q = (Program*)p; compiles++;
            std::string all; for (int i = 0; i < n; i++) { if (i) all += " "; all += options[i]; }
            if (q->source.find("#error") != std::string::npos) { q->log = q->name + "(1): error: this source says #error"; return 6; }
            #ifdef HOST_IMAGE
            q->log = "compiled " + q->name; q->image = HOST_IMAGE; q->image.push_back(0); return 0; }
            #else
            q->log = "compiled " + q->name; q->image = "IMAGE " + all; return 0; }
            #endif
        int nvrtcGetProgramLogSize(void* p, size_t* s) { *s = ((Program*)p)->log.size() + 1; return 0; }
        int nvrtcGetProgramLog(void* p, char* out) {
            std::memcpy(out, ((Program*)p)->log.c_str(), ((Program*)p)->log.size() + 1); return 0; }
        int nvrtcGetCUBINSize(void* p, size_t* s) { *s = ((Program*)p)->image.size(); return 0; }
        int nvrtcGetCUBIN(void* p, char* out) { std::memcpy(out, ((Program*)p)->image.data(), ((Program*)p)->image.size()); return 0; }
        int nvrtcGetPTXSize(void* p, size_t* s) { *s = ((Program*)p)->image.size() + 1; return 0; }
        int nvrtcGetPTX(void* p, char* out) { std::memcpy(out, ((Program*)p)->image.c_str(), ((Program*)p)->image.size() + 1); return 0; }
        int nvrtcDestroyProgram(void** p) { delete (Program*)*p; *p = nullptr; return 0; }
        const char* nvrtcGetErrorString(int r) { return r == 6 ? "NVRTC_ERROR_COMPILATION" : "NVRTC_ERROR_OTHER"; }
        int fake_compiles() { return compiles; }
        }
        """;

    internal const string Driver = """
        #include <cstring>
        #include <string>
        #include <vector>
        #include <dlfcn.h>
        #ifndef INIT_RESULT
        #define INIT_RESULT 0
        #endif
        static void* current = nullptr;
        static int loads = 0, launches = 0, argument_count = 0, launch_result = 0, set_current_result = 0, sync_result = 0, syncs = 0;
        static std::vector<std::string> names;
        static long long last[64];
        extern "C" {
        int cuInit(unsigned) { return INIT_RESULT; }
        int cuDeviceGet(int* d, int ordinal) { if (ordinal != 0) return 101; *d = 7; return 0; }
        int cuDeviceGetAttribute(int* v, int a, int d) {
            if (d != 7) return 101; *v = a == 75 ? 9 : a == 76 ? 0 : a == 16 ? 132 : -1; return 0; }
        int cuDevicePrimaryCtxRetain(void** c, int d) { if (d != 7) return 101; *c = (void*)0xC0; return 0; }
        int cuCtxSetCurrent(void* c) { if (set_current_result) return set_current_result; current = c; return 0; }
        #ifdef EXECUTE
        // Images name a host library of the kernels and of thunks that take cuLaunchKernel's argument array.
        typedef void (*thunk)(unsigned, unsigned, void**);
        int cuModuleLoadData(void** m, const void* image) {
            if (current != (void*)0xC0) return 201;
            if (std::strncmp((const char*)image, "HOSTLIB ", 8) != 0) return 200;
            void* library = dlopen((const char*)image + 8, RTLD_NOW | RTLD_LOCAL);
            if (!library) return 200;
            loads++; *m = library; return 0; }
        int cuModuleGetFunction(void** f, void* m, const char* name) {
            std::string symbol = std::string("actgen_params_") + name;
            void* found = dlsym(m, symbol.c_str()); if (!found) return 500; *f = found; return 0; }
        #else
        int cuModuleLoadData(void** m, const void* image) {
            if (current != (void*)0xC0) return 201;
            if (std::strncmp((const char*)image, "BAD", 3) == 0) return 200;
            loads++; *m = (void*)0x30; return 0; }
        int cuModuleGetFunction(void** f, void* m, const char* name) {
            if (m != (void*)0x30) return 400; names.push_back(name); *f = (void*)(0x1000 + names.size()); return 0; }
        #endif
        int cuLaunchKernel(void* f, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by, unsigned bz,
                           unsigned shared, void* stream, void** params, void** extra) {
            if (current != (void*)0xC0) return 201;
            if (launch_result) return launch_result;
            launches++;
            last[0] = (long long)f; last[1] = gx; last[2] = gy; last[3] = gz; last[4] = bx; last[5] = by; last[6] = bz;
            last[7] = shared; last[8] = (long long)stream; last[9] = extra == nullptr;
            for (int i = 0; i < argument_count && i < 50; i++) std::memcpy(&last[10 + i], params[i], 8);
            #ifdef EXECUTE
            if (gy != 1 || gz != 1 || by != 1 || bz != 1 || shared != 0 || stream != nullptr || extra != nullptr) return 1;
            ((thunk)f)(gx, bx, params);
            #endif
            return 0; }
        // Device memory is host memory here (the device check's buffers).
        static int allocations = 0;
        int cuMemAlloc_v2(unsigned long long* p, size_t bytes) {
            if (current != (void*)0xC0) return 201;
            void* m = std::aligned_alloc(256, (bytes + 255) / 256 * 256); if (!m) return 2;
            allocations++; *p = (unsigned long long)m; return 0; }
        int cuMemFree_v2(unsigned long long p) { allocations--; std::free((void*)p); return 0; }
        int cuMemcpyHtoD_v2(unsigned long long d, const void* s, size_t n) { std::memcpy((void*)d, s, n); return 0; }
        int cuMemcpyDtoH_v2(void* d, unsigned long long s, size_t n) { std::memcpy(d, (const void*)s, n); return 0; }
        int cuDeviceGetName(char* name, int length, int d) { if (d != 7) return 101; std::snprintf(name, length, "host stand-in"); return 0; }
        int fake_live_allocations() { return allocations; }
        int cuCtxSynchronize() { if (current != (void*)0xC0) return 201; syncs++; return sync_result; }
        int cuGetErrorString(int e, const char** s) {
            *s = e == 100 ? "no CUDA-capable device is detected" : e == 101 ? "invalid device ordinal"
               : e == 200 ? "device kernel image is invalid" : e == 201 ? "invalid device context"
               : e == 701 ? "too many resources requested for launch" : e == 700 ? "an illegal memory access was encountered"
               : "unknown error";
            return 0; }
        int fake_module_loads() { return loads; }
        int fake_launches() { return launches; }
        void fake_expect_arguments(int n) { argument_count = n; }
        void fake_fail_launches(int result) { launch_result = result; }
        void fake_fail_set_current(int result) { set_current_result = result; }
        void fake_fail_synchronize(int result) { sync_result = result; }
        int fake_synchronizations() { return syncs; }
        long long fake_last(int i) { return last[i]; }
        const char* fake_function_name(long long handle) { return names.at(handle - 0x1001).c_str(); }
        }
        """;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "actgen-fake-cuda-" + Guid.NewGuid().ToString("N")[..10]);

    public FakeCudaLibraries()
    {
        Directory.CreateDirectory(folder);
        NvrtcPath = Build("libnvrtc-fake.so.13", Nvrtc, "");
        DriverPath = Build("libcuda-fake.so.1", Driver, "");
        FailingDriverPath = Build("libcuda-noinit.so.1", Driver, "-DINIT_RESULT=100");
    }

    public string NvrtcPath { get; }

    public string DriverPath { get; }

    /// <summary>A driver whose <c>cuInit</c> says there is no device (CUDA_ERROR_NO_DEVICE).</summary>
    public string FailingDriverPath { get; }

    public string Folder => folder;

    /// <summary>How often the fake NVRTC compiled, the fake driver loaded a module and launched, in this fixture.</summary>
    public int Compiles => ((delegate* unmanaged<int>)Export(NvrtcPath, "fake_compiles"))();

    public int ModuleLoads => ((delegate* unmanaged<int>)Export(DriverPath, "fake_module_loads"))();

    public int Launches => ((delegate* unmanaged<int>)Export(DriverPath, "fake_launches"))();

    /// <summary>The last launch: 0 function, 1–3 grid, 4–6 block, 7 shared bytes, 8 stream, 9 "no extra", 10… arguments.</summary>
    public long Last(int i) => ((delegate* unmanaged<int, long>)Export(DriverPath, "fake_last"))(i);

    /// <summary>How many 8-byte arguments the next launches record (never more than the kernel has).</summary>
    public void ExpectArguments(int count) => ((delegate* unmanaged<int, void>)Export(DriverPath, "fake_expect_arguments"))(count);

    /// <summary>Makes every later <c>cuLaunchKernel</c> return <paramref name="result"/> (0: succeed again) without launching.</summary>
    public void FailLaunches(int result) => ((delegate* unmanaged<int, void>)Export(DriverPath, "fake_fail_launches"))(result);

    /// <summary>Makes every later <c>cuCtxSetCurrent</c> return <paramref name="result"/> (0: succeed again).</summary>
    public void FailSetCurrent(int result) => ((delegate* unmanaged<int, void>)Export(DriverPath, "fake_fail_set_current"))(result);

    /// <summary>Makes every later <c>cuCtxSynchronize</c> return <paramref name="result"/>, as after a faulting kernel (0: succeed again).</summary>
    public void FailSynchronize(int result) => ((delegate* unmanaged<int, void>)Export(DriverPath, "fake_fail_synchronize"))(result);

    public int Synchronizations => ((delegate* unmanaged<int>)Export(DriverPath, "fake_synchronizations"))();

    public string FunctionName(long handle) =>
        Marshal.PtrToStringUTF8(((delegate* unmanaged<long, IntPtr>)Export(DriverPath, "fake_function_name"))(handle))!;

    /// <summary>
    /// The runtime over the fakes (an NVRTC that does not load comes first), its disk cache in <paramref name="cache"/>;
    /// <paramref name="synchronize"/>: every launch waits for its kernel.
    /// </summary>
    internal CudaRuntime Runtime(string cache, bool synchronize = false) =>
        CudaRuntime.Load(new CudaLoadSettings(DriverPath, ["/no/such/libnvrtc.so", NvrtcPath], new KernelDiskCache(cache), synchronize))
            is Probe<CudaRuntime>.Found found
            ? found.Value
            : throw new InvalidOperationException("the runtime did not load over the fake libraries");

    /// <summary><paramref name="a"/> with a CUDA source that the fake NVRTC (like the real one) refuses.</summary>
    public static TorchActivation Broken(TorchActivation a) =>
        new(
            a.Definition with { CudaSource = a.Definition.CudaSource + "\n#error broken\n" },
            a.LearnableDouble,
            a.LearnableSingle,
            a.Script);

    internal static IntPtr Export(string library, string name) => NativeLibrary.GetExport(NativeLibrary.Load(library), name);

    private string Build(string name, string source, string flags) => Build(folder, name, source, flags);

    /// <summary>A shared library <paramref name="name"/> in <paramref name="folder"/>, built with the host C++ compiler.</summary>
    internal static string Build(string folder, string name, string source, string flags)
    {
        var cpp = Path.Combine(folder, name + ".cpp");
        var library = Path.Combine(folder, name);
        File.WriteAllText(cpp, source);
        var compiler = Environment.GetEnvironmentVariable("CXX") is { Length: > 0 } cxx ? cxx : "g++";
        using var process = Process.Start(new ProcessStartInfo(compiler, $"-std=c++17 -O1 -shared -fPIC {flags} -o \"{library}\" \"{cpp}\"")
        {
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"could not start {compiler}");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? library : throw new InvalidOperationException($"{compiler} could not build {name}:\n{errors}");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
