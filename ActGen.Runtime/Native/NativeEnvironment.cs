using System.Runtime.InteropServices;

namespace ActGen.Native;

/// <summary>
/// The C library's environment, which native code reads with <c>getenv</c>. .NET keeps its own copy on Unix:
/// <see cref="System.Environment.SetEnvironmentVariable(string, string)"/> changes that copy only.
/// </summary>
internal static partial class NativeEnvironment
{
    /// <summary>Sets <paramref name="name"/> unless it is set already; true when it now holds a value.</summary>
    public static bool SetIfUnset(string name, string value) => SetEnv(name, value, overwrite: 0) == 0;

    /// <summary>The native value of <paramref name="name"/>, or null.</summary>
    public static string? Get(string name) => Marshal.PtrToStringUTF8(GetEnv(name));

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint GetEnv(string name);
}
