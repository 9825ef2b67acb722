using System.Collections.Generic;
using System.IO;
using System.Linq;
using ActGen.Cuda;
using Xunit;

namespace ActGen.Tests.Cuda;

/// <summary>Where NVRTC is looked for, in order, with fake libraries in a temporary folder.</summary>
public class NvrtcDiscoveryTests
{
    [Fact]
    public void TheOrderIsSettingsAppToolkitsWheelsSonames()
    {
        using var root = new TempFolder();
        var app = Path.Combine(root.Path, "app");
        var hashed = root.File("app/libnvrtc-b51b459d.so.12");
        root.File("app/libnvrtc-builtins.so.12.8");
        root.File("app/libnvrtc-builtins-3d7a1c2b.so.12.8");
        root.File("app/libtorch.so");
        var home = root.File("cuda-home/lib64/libnvrtc.so.13");
        var homeFull = root.File("cuda-home/lib64/libnvrtc.so.13.0.88");
        root.File("cuda-home/lib64/libnvrtc-builtins.so.13.0");
        var path = root.File("cuda-path/lib64/libnvrtc.so.12");
        var wheel = root.File("venv/lib/python3.12/site-packages/nvidia/cu13/lib/libnvrtc.so.13");
        root.File("venv/lib/python3.12/site-packages/nvidia/cu13/lib/libnvrtc-builtins.so.13.0");
        var search = new NvrtcSearch(
            ["/opt/explicit/libnvrtc.so", "/env/libnvrtc.so.13"],
            app,
            [Path.Combine(root.Path, "cuda-home"), Path.Combine(root.Path, "cuda-path"), Path.Combine(root.Path, "no-such-toolkit")],
            [Path.Combine(root.Path, "venv"), Path.Combine(root.Path, "no-such-venv")]);

        Assert.Equal(
            [
                "/opt/explicit/libnvrtc.so", "/env/libnvrtc.so.13", hashed, homeFull, home, path, wheel,
                "libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2", "libnvrtc.so",
            ],
            NvrtcDiscovery.Candidates(search));
    }

    [Fact]
    public void TheEnvironmentGivesTheSettingFirstThenActgenNvrtcThenTheToolkits()
    {
        var environment = new Dictionary<string, string>
        {
            ["ACTGEN_NVRTC"] = "/env/libnvrtc.so",
            ["CUDA_HOME"] = "/cuda-home",
            ["CUDA_PATH"] = "",
            ["VIRTUAL_ENV"] = "/venv",
        };
        var search = NvrtcSearch.FromEnvironment(
            n => CollectionExtensions.GetValueOrDefault(environment, n), "/setting/libnvrtc.so", "/app");
        Assert.Equal(["/setting/libnvrtc.so", "/env/libnvrtc.so"], search.Explicit);
        Assert.Equal(["/cuda-home", "/usr/local/cuda"], search.ToolkitRoots);
        Assert.Equal(["/venv"], search.PythonPrefixes);
        Assert.Equal("/app", search.AppDirectory);
    }

    [Fact]
    public void WithNothingFoundOnlyTheSonamesRemain()
    {
        using var empty = new TempFolder();
        var search = new NvrtcSearch([], empty.Path, [Path.Combine(empty.Path, "none")], []);
        Assert.Equal(NvrtcDiscovery.Sonames, NvrtcDiscovery.Candidates(search));
    }

    [Fact]
    public void BuiltinsAloneAreNeverTakenForNvrtc()
    {
        using var folder = new TempFolder();
        folder.File("libnvrtc-builtins.so");
        folder.File("libnvrtc-builtins.so.13.0");
        Assert.Empty(NvrtcDiscovery.Libraries(folder.Path));
        Assert.DoesNotContain(
            NvrtcDiscovery.Candidates(new NvrtcSearch([], folder.Path, [], [])),
            c => Path.GetFileName(c).StartsWith("libnvrtc-builtins", System.StringComparison.Ordinal));
    }
}
