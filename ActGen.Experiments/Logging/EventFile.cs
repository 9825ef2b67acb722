using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Google.Protobuf;
using Tensorboard;

namespace ActGen.Experiments.Logging;

/// <summary>
/// A TensorBoard event file written directly (TFRecord framing with masked CRC-32C around each Event proto):
/// wall times in seconds since the Unix epoch, as TensorBoard reads them (TorchSharp 0.107's SummaryWriter writes
/// .NET ticks in its first event), and histograms of equal-width buckets over the values' actual range (its
/// TensorFlow scheme, cut to 30 bins, left a handful of non-empty buckets each a factor of ~128 wide). Each event
/// is flushed as it is written, so a killed run leaves a readable file.
/// </summary>
public sealed class EventFile : IDisposable
{
    public const int Buckets = 30;

    private readonly FileStream _stream;
    private readonly Func<double> _clock;

    private EventFile(FileStream stream, Func<double> clock)
    {
        _stream = stream;
        _clock = clock;
        Write(new Event { WallTime = clock(), FileVersion = "brain.Event:2" });
    }

    /// <summary>A new event file in <paramref name="dir"/>, named as TensorBoard expects (<c>events.out.tfevents.*</c>).</summary>
    public static EventFile Create(string dir, Func<double>? clock = null)
    {
        clock ??= () => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        var name = $"events.out.tfevents.{(long)clock()}.{Environment.MachineName}.{Environment.ProcessId}";
        return new EventFile(new FileStream(Path.Combine(dir, name), FileMode.CreateNew, FileAccess.Write), clock);
    }

    public void Scalar(string tag, double value, long step) =>
        Write(Summary(step, new Summary.Types.Value { Tag = tag, SimpleValue = (float)value }));

    /// <summary>A histogram of the finite <paramref name="values"/>; nothing when none is finite.</summary>
    public void Histogram(string tag, IEnumerable<double> values, long step)
    {
        if (Of(values) is { } histogram) Write(Summary(step, new Summary.Types.Value { Tag = tag, Histo = histogram }));
    }

    /// <summary>
    /// <see cref="Buckets"/> equal buckets from the smallest finite value to the largest (one bucket when they are equal);
    /// bucket i holds the values up to its limit, TensorBoard's convention. Null when no value is finite.
    /// </summary>
    public static HistogramProto? Of(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return null;
        var (min, max) = (finite.Min(), finite.Max());
        var count = max > min ? Buckets : 1;
        var width = (max - min) / count;
        var buckets = new double[count];
        foreach (var v in finite) buckets[count == 1 ? 0 : Math.Clamp((int)Math.Ceiling((v - min) / width) - 1, 0, count - 1)]++;
        var histogram = new HistogramProto
        {
            Min = min,
            Max = max,
            Num = finite.Length,
            Sum = finite.Sum(),
            SumSquares = finite.Sum(v => v * v),
        };
        histogram.BucketLimit.AddRange(Enumerable.Range(1, count).Select(i => i == count ? max : min + i * width));
        histogram.Bucket.AddRange(buckets);
        return histogram;
    }

    private Event Summary(long step, Summary.Types.Value value)
    {
        var summary = new Summary();
        summary.Value.Add(value);
        return new Event { WallTime = _clock(), Step = step, Summary = summary };
    }

    private void Write(Event e)
    {
        var data = e.ToByteArray();
        var length = BitConverter.GetBytes((ulong)data.Length);
        if (!BitConverter.IsLittleEndian) Array.Reverse(length);
        _stream.Write(length);
        _stream.Write(Le(Crc32C.Masked(length)));
        _stream.Write(data);
        _stream.Write(Le(Crc32C.Masked(data)));
        _stream.Flush();
    }

    private static byte[] Le(uint value)
    {
        var bytes = BitConverter.GetBytes(value);
        if (!BitConverter.IsLittleEndian) Array.Reverse(bytes);
        return bytes;
    }

    public void Dispose() => _stream.Dispose();
}
