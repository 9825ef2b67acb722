using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ActGen.Cuda;
using ActGen.Torch;

namespace ActGen.Experiments.Kernels;

/// <summary>
/// <c>actgen kernels --export DIR</c>: what the device check (tools/gpu-check) needs of every activation, as text only —
/// <c>cuda/{owner}.{name}.cu</c>, <c>torchscript/{owner}.{name}.py</c> and <c>manifest.json</c> (name, kernels and the ABI
/// of each, parameters with defaults, the PyTorch builtin it must match), and the counter-based draw of randomized
/// parameters (<c>cuda/ActGen.CounterUniform.cu</c>, with values the CPU draws, for the device check to compare with).
/// Deterministic: sorted, LF, invariant numbers.
/// </summary>
internal static class KernelExport
{
    public const string RefreshCommand = "dotnet run --project ActGen.Experiments -c Release -- kernels --export tools/gpu-check/generated";

    /// <summary>The files of the export, by relative path (forward slashes).</summary>
    public static SortedDictionary<string, string> Files(IEnumerable<ActivationDefinition> definitions)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var entries = new List<Action<Utf8JsonWriter>>();
        foreach (var d in definitions.OrderBy(d => d.Owner, StringComparer.Ordinal).ThenBy(d => d.Name, StringComparer.Ordinal))
        {
            var id = $"{d.Owner}.{d.Name}";
            var source = d.CudaSource ?? throw new InvalidOperationException($"{id} has no CUDA source (built by an older ActGen?)");
            var prefix = CudaAbi.Prefix(source) ?? throw new InvalidOperationException($"{id}'s CUDA source declares no forward kernel");
            var (cuda, script) = ($"cuda/{id}.cu", d.TorchScript is null ? null : $"torchscript/{id}.py");
            files[cuda] = Lf(source);
            if (script is not null)
            {
                files[script] = Lf(d.TorchScript!);
            }

            entries.Add(w => Entry(w, d, id, cuda, script, CudaAbi.Expected(d, prefix)));
        }

        files[DrawFile] = Lf(CounterUniformSource.Text);
        files["manifest.json"] = Manifest(entries);
        return files;
    }

    /// <summary>Writes the export into <paramref name="directory"/>, removing files of an earlier export that are gone.</summary>
    public static int Write(string directory, IEnumerable<ActivationDefinition> definitions)
    {
        var files = Files(definitions);
        foreach (var stale in new[] { "cuda", "torchscript" }.Select(s => Path.Combine(directory, s)).Where(Directory.Exists))
        {
            Directory.Delete(stale, recursive: true);
        }

        foreach (var (path, text) in files)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text, new UTF8Encoding(false));
        }

        return files.Count;
    }

    private const string DrawFile = "cuda/ActGen.CounterUniform.cu";

    /// <summary>Seeds and bounds whose first values the manifest gives, as the CPU draws them.</summary>
    private static readonly (ulong Seed, double Lower, double Upper)[] DrawSamples = [(12345, 1.0 / 8, 1.0 / 3), (ulong.MaxValue, -2, 5)];

    private const int DrawSampleCount = 8;

    private static string Lf(string text) => text.Replace("\r\n", "\n").TrimEnd('\n') + "\n";

    private static string Manifest(IEnumerable<Action<Utf8JsonWriter>> entries)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            w.WriteStartObject();
            w.WriteNumber("format", 1);
            w.WriteString("refresh", RefreshCommand);
            w.WriteStartArray("activations");
            foreach (var entry in entries)
            {
                entry(w);
            }

            w.WriteEndArray();
            Draw(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The draw's source, its kernels (ABI: out, n, seed, lower, upper) and the CPU's first values for a few seeds.</summary>
    private static void Draw(Utf8JsonWriter w)
    {
        w.WriteStartObject("draw");
        w.WriteString("cuda", DrawFile);
        w.WriteStartObject("kernels");
        w.WriteString("float32", CounterUniformSource.Single);
        w.WriteString("float64", CounterUniformSource.Double);
        w.WriteEndObject();
        w.WriteStartArray("samples");
        foreach (var (seed, lower, upper) in DrawSamples)
        {
            var (doubles, singles) = (new double[DrawSampleCount], new float[DrawSampleCount]);
            CounterUniform.Fill(doubles, seed, 0, lower, upper);
            CounterUniform.Fill(singles, seed, 0, lower, upper);
            w.WriteStartObject();
            w.WriteString("seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteNumber("lower", lower);
            w.WriteNumber("upper", upper);
            w.WriteStartArray("float64");
            doubles.ToList().ForEach(w.WriteNumberValue);
            w.WriteEndArray();
            w.WriteStartArray("float32");
            singles.ToList().ForEach(w.WriteNumberValue);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Entry(
        Utf8JsonWriter w, ActivationDefinition d, string id, string cuda, string? script, IReadOnlyList<CudaKernel> kernels)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("name", d.Name);
        w.WriteString("owner", d.Owner);
        w.WriteString("cuda", cuda);
        w.WriteString("torchscript", script);
        w.WriteBoolean("backwardFromOutput", d.BackwardFromOutput);
        w.WriteStartArray("secondOrder");
        CudaAbi.SecondKinds(d).ToList().ForEach(w.WriteStringValue);
        w.WriteEndArray();
        w.WriteStartArray("parameters");
        foreach (var p in d.Parameters)
        {
            w.WriteStartObject();
            w.WriteString("name", p.Name);
            w.WriteString("role", p.Role.ToString().ToLowerInvariant());
            w.WriteNumber("default", p.Default);
            w.WriteNumber("lower", p.Lower);
            w.WriteNumber("upper", p.Upper);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("kernels");
        foreach (var k in kernels)
        {
            w.WriteStartObject();
            w.WriteString("name", k.Name);
            w.WriteString("kind", k.Kind);
            w.WriteString("dtype", k.Dtype);
            w.WriteStartArray("abi");
            k.Abi.ToList().ForEach(w.WriteStringValue);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (TorchBuiltins.For(d) is { } builtin)
        {
            w.WriteStartObject("builtin");
            w.WriteString("call", builtin);
            w.WriteString(
                "match",
                "forward, backward and each learnable parameter's gradient against torch autograd of the call, parameters at their defaults");
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("builtin");
        }

        w.WriteEndObject();
    }
}
