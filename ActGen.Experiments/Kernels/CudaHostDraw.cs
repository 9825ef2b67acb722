using System.IO;
using System.Runtime.InteropServices;
using ActGen.Cuda;

namespace ActGen.Experiments.Kernels;

/// <summary>
/// The counter-based draw's CUDA source compiled with the host C++ compiler and checked on the CPU as
/// <see cref="DrawCheck"/> says, with a multi-block grid-stride launch.
/// </summary>
internal static unsafe class CudaHostDraw
{
    public const string Name = DrawCheck.Name;

    public static KernelCheckResult Run(string directory, string source = CounterUniformSource.Text)
    {
        Directory.CreateDirectory(directory);
        var cpp = Path.Combine(directory, "draw.cpp");
        File.WriteAllText(cpp, CudaHostShim.Header + source);
        var library = Path.Combine(directory, "libdraw.so");
        CudaHostCheck.Compile(cpp, library);
        var handle = NativeLibrary.Load(library);
        try
        {
            var launch = (delegate* unmanaged<uint, uint, int, void*, long, ulong, double, double, void>)
                NativeLibrary.GetExport(handle, "actgen_host_counter_uniform");
            return DrawCheck.Run((element, values, n, seed, lower, upper) =>
                launch(3, 7, element == KernelElement.Float64 ? 1 : 0, (void*)values, n, seed, lower, upper));
        }
        finally
        {
            NativeLibrary.Free(handle);
        }
    }
}
