using System;
using System.IO;

namespace ActGen.Native;

/// <summary>ActGen's folders in the user's cache: <c>$XDG_CACHE_HOME/actgen/{name}</c>, else <c>~/.cache/actgen/{name}</c>.</summary>
internal static class UserCacheDirectory
{
    public static string Of(string name) => Of(name, Environment.GetEnvironmentVariable);

    public static string Of(string name, Func<string, string?> environment) =>
        Path.Combine(
            environment("XDG_CACHE_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(environment("HOME") is { Length: > 0 } home
                    ? home
                    : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
            "actgen",
            name);
}
