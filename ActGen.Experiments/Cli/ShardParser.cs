using System;
using System.Collections.Generic;
using System.Globalization;
using ActGen.Experiments.Results;

namespace ActGen.Experiments.Cli;

/// <summary>
/// <c>--shard K/N</c> (K from 0 to N − 1), or <c>--shard env</c>: K and N from a scheduler — Slurm job arrays
/// (<c>SLURM_ARRAY_TASK_ID</c> less <c>SLURM_ARRAY_TASK_MIN</c>, <c>SLURM_ARRAY_TASK_COUNT</c>) or a Kubernetes
/// Indexed Job (<c>JOB_COMPLETION_INDEX</c>, with the count in <c>ACTGEN_SHARD_COUNT</c>, since Kubernetes does not
/// pass <c>completions</c> to the pod); <c>--shard env/N</c> gives the count and reads only the index.
/// </summary>
public static class ShardParser
{
    public const string Syntax = "K/N with K from 0 to N-1, or env (Slurm array or Kubernetes Indexed Job), or env/N";

    public static Shard? Parse(string typed, Func<string, string?> environment, List<string> errors)
    {
        var parts = typed.Trim().Split('/');
        string? index, count;
        var source = "";
        if (parts[0].Equals("env", StringComparison.OrdinalIgnoreCase))
        {
            var slurm = environment("SLURM_ARRAY_TASK_ID");
            (index, source) = slurm is not null
                ? (Offset(slurm, environment("SLURM_ARRAY_TASK_MIN")), " from SLURM_ARRAY_TASK_ID")
                : (environment("JOB_COMPLETION_INDEX"), " from JOB_COMPLETION_INDEX");
            count = parts.Length > 1 ? parts[1] : slurm is not null ? environment("SLURM_ARRAY_TASK_COUNT") : environment("ACTGEN_SHARD_COUNT");
            if (index is null)
            {
                errors.Add("--shard env: neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set; give --shard K/N.");
                return null;
            }
            if (count is null)
            {
                var variable = slurm is not null ? "SLURM_ARRAY_TASK_COUNT" : "ACTGEN_SHARD_COUNT";
                errors.Add($"--shard env: no shard count ({variable} is not set); give --shard env/N.");
                return null;
            }
        }
        else if (parts.Length == 2) (index, count) = (parts[0], parts[1]);
        else
        {
            errors.Add($"--shard: '{typed}' is not {Syntax}.");
            return null;
        }
        if (!Int(count, out var n) || n < 1 || !Int(index, out var k) || k < 0 || k >= n)
        {
            errors.Add($"--shard: '{typed}' gives shard {index}{source} of {count}; the index must run from 0 to the count − 1 ({Syntax}).");
            return null;
        }
        return new Shard(k, n);
    }

    private static string Offset(string id, string? min) =>
        Int(id, out var i) && min is not null && Int(min, out var m) ? (i - m).ToString(CultureInfo.InvariantCulture) : id;

    private static bool Int(string text, out int value) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
}
