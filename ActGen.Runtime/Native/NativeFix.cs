namespace ActGen.Native;

/// <summary>What <see cref="TorchNativeLoader.Prepare()"/> did to make TorchSharp's native bridge loadable.</summary>
internal enum NativeFix
{
    /// <summary>Not Linux, or the host's libstdc++ has the version: nothing to do.</summary>
    NotNeeded,

    /// <summary>No <c>libLibTorchSharp.so</c> where TorchSharp looks first: nothing to fix, TorchSharp reports it.</summary>
    LibraryNotFound,

    /// <summary>The library TorchSharp loads already has the requirement weak (the build fixed it) or lacks it.</summary>
    AlreadyLoadable,

    /// <summary>The library TorchSharp loads was rewritten in place.</summary>
    PatchedInPlace,

    /// <summary>The library could not be rewritten; a fixed copy was loaded ahead of it from the user's cache directory.</summary>
    PatchedCopyPreloaded,
}
