using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace ActGen.Native;

/// <summary>
/// Marks one symbol-version requirement of an ELF64 little-endian shared object as weak
/// (<c>VER_FLG_WEAK</c> in the <c>vna_flags</c> of its <c>Vernaux</c> entry in <c>.gnu.version_r</c>),
/// so that the dynamic loader accepts the object on a host whose library lacks that version.
/// Pure: bytes in, a copy with two bytes changed (or the reason nothing changed) out.
/// </summary>
internal static class ElfVersionNeedPatcher
{
    internal const ushort VerFlagWeak = 0x2;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const int SectionHeaderSize = 64;

    public static ElfPatch MarkWeak(ReadOnlySpan<byte> elf, string versionName)
    {
        int? flagsOffset;
        try
        {
            flagsOffset = FindVernauxFlags(elf, Encoding.ASCII.GetBytes(versionName));
        }
        catch (InvalidDataException e)
        {
            return new ElfPatch.Unpatchable(e.Message);
        }

        if (flagsOffset is not { } offset)
        {
            return new ElfPatch.NotRequired();
        }

        var flags = BinaryPrimitives.ReadUInt16LittleEndian(elf[offset..]);
        if ((flags & VerFlagWeak) != 0)
        {
            return new ElfPatch.AlreadyWeak(offset);
        }

        var patched = elf.ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(patched.AsSpan(offset), (ushort)(flags | VerFlagWeak));
        return new ElfPatch.Patched(patched, offset);
    }

    /// <summary>File offset of <c>vna_flags</c> of the <c>Vernaux</c> named <paramref name="name"/>, or null if none.</summary>
    private static int? FindVernauxFlags(ReadOnlySpan<byte> elf, byte[] name)
    {
        CheckIdent(elf);
        if (FindSection(elf, ShtGnuVerneed) is not { } verneed)
        {
            return null;
        }

        // sh_info counts the Verneed entries (one per needed file); each chains its Vernaux entries (one per version).
        if (verneed.Info > verneed.Size / 16)
        {
            throw new InvalidDataException($"{verneed.Info} version needs cannot fit in a {verneed.Size}-byte section");
        }

        var strings = SectionHeader(elf, verneed.Link);
        var need = verneed.Offset;
        for (var i = 0u; i < verneed.Info; i++, need += U32(elf, need + 12))
        {
            var aux = need + U32(elf, need + 8);
            for (var j = 0; j < U16(elf, need + 2); j++, aux += U32(elf, aux + 12))
            {
                if (NameIs(elf, strings, U32(elf, aux + 8), name))
                {
                    return checked((int)(aux + 4));
                }
            }
        }

        return null;
    }

    private static void CheckIdent(ReadOnlySpan<byte> elf)
    {
        if (elf.Length < 64 || !elf[..4].SequenceEqual("\u007fELF"u8))
        {
            throw new InvalidDataException("not an ELF file");
        }

        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException("not a 64-bit little-endian ELF file");
        }
    }

    private static Section? FindSection(ReadOnlySpan<byte> elf, uint type)
    {
        // e_shnum is 0 when the count does not fit in 16 bits; section 0's sh_size then holds it.
        var count = U16(elf, 0x3c) is var n and not 0 ? n : U64(elf, SectionHeaderOffset(elf, 0) + 0x20);
        if (count > (ulong)elf.Length / SectionHeaderSize)
        {
            throw new InvalidDataException($"{count} section headers cannot fit in a {elf.Length}-byte file");
        }

        for (var i = 0ul; i < count; i++)
        {
            var section = SectionHeader(elf, i);
            if (section.Type == type)
            {
                return section;
            }
        }

        return null;
    }

    private static Section SectionHeader(ReadOnlySpan<byte> elf, ulong index)
    {
        var at = SectionHeaderOffset(elf, index);
        return new Section(U32(elf, at + 4), U64(elf, at + 0x18), U64(elf, at + 0x20), U32(elf, at + 0x28), U32(elf, at + 0x2c));
    }

    private static ulong SectionHeaderOffset(ReadOnlySpan<byte> elf, ulong index) =>
        U16(elf, 0x3a) >= SectionHeaderSize
            ? U64(elf, 0x28) + index * U16(elf, 0x3a)
            : throw new InvalidDataException("section header entries are too small");

    private static bool NameIs(ReadOnlySpan<byte> elf, Section strings, ulong nameOffset, byte[] name) =>
        nameOffset + (ulong)name.Length < strings.Size
        && Bytes(elf, strings.Offset + nameOffset, name.Length + 1) is var candidate
        && candidate[..^1].SequenceEqual(name)
        && candidate[^1] == 0;

    private static ushort U16(ReadOnlySpan<byte> elf, ulong at) => BinaryPrimitives.ReadUInt16LittleEndian(Bytes(elf, at, 2));

    private static uint U32(ReadOnlySpan<byte> elf, ulong at) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(elf, at, 4));

    private static ulong U64(ReadOnlySpan<byte> elf, ulong at) => BinaryPrimitives.ReadUInt64LittleEndian(Bytes(elf, at, 8));

    private static ReadOnlySpan<byte> Bytes(ReadOnlySpan<byte> elf, ulong at, int length) =>
        at <= (ulong)elf.Length && (ulong)length <= (ulong)elf.Length - at
            ? elf.Slice((int)at, length)
            : throw new InvalidDataException($"truncated: {length} bytes at offset 0x{at:x} lie outside the {elf.Length}-byte file");

    private readonly record struct Section(uint Type, ulong Offset, ulong Size, uint Link, uint Info);
}
