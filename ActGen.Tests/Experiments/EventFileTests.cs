using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ActGen.Experiments.Logging;
using Tensorboard;
using Xunit;

namespace ActGen.Tests.Experiments;

/// <summary>TensorBoard event files as TensorBoard reads them: TFRecord framing with checked CRCs, seconds, useful histograms.</summary>
public sealed class EventFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("actgen-events-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Every record of a TFRecord file, failing on a bad length or data CRC.</summary>
    private static IReadOnlyList<Event> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var events = new List<Event>();
        for (var at = 0; at < bytes.Length;)
        {
            var length = (int)BitConverter.ToUInt64(bytes, at);
            Assert.Equal(Crc32C.Masked(bytes.AsSpan(at, 8)), BitConverter.ToUInt32(bytes, at + 8));
            var data = bytes.AsSpan(at + 12, length);
            Assert.Equal(Crc32C.Masked(data), BitConverter.ToUInt32(bytes, at + 12 + length));
            events.Add(Event.Parser.ParseFrom(data.ToArray()));
            at += 16 + length;
        }
        return events;
    }

    [Fact]
    public void Crc32CMatchesTheStandardCheckValue() =>
        Assert.Equal(0xE3069283u, Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void EventsCarryWallTimesInSecondsScalarsAndThirtyBucketHistogramsOverTheRange()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var values = Enumerable.Range(0, 1000).Select(i => -0.5 + i / 999.0).Append(double.NaN).ToArray();
        using (var file = EventFile.Create(_dir))
        {
            file.Scalar("loss/train", 0.25, 3);
            file.Histogram("weights/layer00", values, 3);
            file.Histogram("empty", [double.NaN], 3);
        }
        var events = Read(Directory.GetFiles(_dir, "events.out.tfevents.*").Single());
        Assert.Equal("brain.Event:2", events[0].FileVersion);
        Assert.All(events, e => Assert.InRange(e.WallTime, before - 1, before + 600));
        Assert.Equal(3, events.Count);
        Assert.Equal(("loss/train", 0.25f, 3L), (events[1].Summary.Value[0].Tag, events[1].Summary.Value[0].SimpleValue, events[1].Step));
        var h = events[2].Summary.Value[0].Histo;
        Assert.Equal((-0.5, 0.5, 1000.0), (h.Min, h.Max, h.Num));
        Assert.Equal(EventFile.Buckets, h.Bucket.Count);
        Assert.Equal(1000.0, h.Bucket.Sum());
        Assert.All(h.Bucket, c => Assert.InRange(c, 32, 35));   // uniform values: every bucket holds its share
        Assert.Equal(0.5, h.BucketLimit[^1]);
        Assert.Equal(-0.5 + 1.0 / 30, h.BucketLimit[0], 12);
    }

    [Fact]
    public void EqualValuesMakeOneBucket()
    {
        var h = EventFile.Of([0.0, 0.0, 0.0])!;
        Assert.Equal([3.0], h.Bucket);
        Assert.Null(EventFile.Of([double.PositiveInfinity]));
    }
}
