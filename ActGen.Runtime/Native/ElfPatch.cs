namespace ActGen.Native;

/// <summary>What <see cref="ElfVersionNeedPatcher.MarkWeak"/> made of a shared object.</summary>
internal abstract record ElfPatch
{
    private ElfPatch()
    {
    }

    /// <summary>The version was required strictly; <paramref name="Bytes"/> is a copy with the requirement marked weak.</summary>
    /// <param name="Bytes">The patched file.</param>
    /// <param name="FlagsOffset">File offset of the two-byte <c>vna_flags</c> field that changed.</param>
    internal sealed record Patched(byte[] Bytes, int FlagsOffset) : ElfPatch;

    /// <summary>The requirement is already weak: nothing to do.</summary>
    internal sealed record AlreadyWeak(int FlagsOffset) : ElfPatch;

    /// <summary>The object does not require the version at all: nothing to do.</summary>
    internal sealed record NotRequired : ElfPatch;

    /// <summary>The bytes are not an ELF64 little-endian object whose version needs can be walked.</summary>
    internal sealed record Unpatchable(string Reason) : ElfPatch;
}
