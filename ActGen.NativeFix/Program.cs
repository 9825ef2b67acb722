using System;
using System.IO;
using ActGen.Native;

namespace ActGen.NativeFix;

/// <summary>
/// <c>ActGen.NativeFix &lt;libLibTorchSharp.so&gt; &lt;fixed copy&gt;</c>: writes the fixed copy where this host needs
/// it (see <see cref="LibTorchSharpFix"/>), else removes any stale one. Errors use MSBuild's canonical format.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.WriteLine("ActGen.NativeFix : error ACTGEN900: usage: ActGen.NativeFix <libLibTorchSharp.so> <fixed copy to write>");
            return 2;
        }

        var (source, target) = (args[0], args[1]);
        if (!OperatingSystem.IsLinux() || !LibTorchSharpFix.HostNeedsFix())
        {
            File.Delete(target);
            Console.WriteLine($"ActGen.NativeFix: this host's libstdc++ has {LibTorchSharpFix.MissingVersion}; nothing to do.");
            return 0;
        }

        switch (LibTorchSharpFix.Patch(source))
        {
            case ElfPatch.Patched patched:
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
                LibTorchSharpFix.WriteAtomically(target, patched.Bytes, File.GetUnixFileMode(source));
                Console.WriteLine($"ActGen.NativeFix: {target} is {source} with {LibTorchSharpFix.MissingVersion} marked weak.");
                return 0;
            case ElfPatch.Unpatchable unpatchable:
                Console.WriteLine(
                    $"{source} : error ACTGEN900: this host's libstdc++ lacks {LibTorchSharpFix.MissingVersion} and ActGen cannot " +
                    $"make TorchSharp's native library load without it: {unpatchable.Reason}.");
                return 1;
            default:
                File.Delete(target);
                Console.WriteLine($"ActGen.NativeFix: {source} loads as it is; nothing to do.");
                return 0;
        }
    }
}
