using System.Globalization;

namespace PatientForum.Benchmarks;

/// <summary>Latency figures from one set of samples, in milliseconds.</summary>
public sealed record Latency(int Count, double P50, double P95, double P99, double Max)
{
    public static Latency From(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0
            ? new Latency(0, double.NaN, double.NaN, double.NaN, double.NaN)
            : new Latency(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted[^1]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n={Count,6}  p50={P50,8:F1} ms  p99={P99,8:F1} ms  max={Max,8:F1} ms");

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
