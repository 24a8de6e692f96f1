using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Treatments;

/// <summary>One record as the charts count it; <paramref name="IsPublic"/>: its thread is for anyone (it then counts in both scopes).</summary>
public sealed record CountedRecord(
    BodyArea BodyArea, int PainBefore, int PainAfter, int? ReliefAmount, ReliefUnit? ReliefUnit, SideEffects SideEffects, WouldRepeat WouldRepeat, bool IsPublic)
{
    /// <summary>The pain score at each follow-up point (the story's latest follow-up there), null where it has none.</summary>
    public IReadOnlyList<int?> FollowUps { get; init; } = [];

    public int? ReliefDays => ReliefAmount is { } amount && ReliefUnit is { } unit ? amount * (unit == Data.ReliefUnit.Weeks ? 7 : 1) : null;
}

/// <summary>
/// Turns records into aggregate rows: one per body area and scope that has stories, plus "all areas" (0) for both scopes
/// always. Each row has a pain histogram for each of the <c>points</c> follow-up points.
/// </summary>
public static class AggregateCounter
{
    public const int PainValues = 11;

    public static List<TreatmentAggregate> Count(int treatmentId, IReadOnlyList<CountedRecord> records, DateTime now, int points = 0)
    {
        var tallies = new Dictionary<(int Area, ChartScope Scope), Tally>
        {
            [(0, ChartScope.Public)] = new(points),
            [(0, ChartScope.Members)] = new(points),
        };
        foreach (var record in records)
        {
            foreach (var key in KeysOf(record))
            {
                if (!tallies.TryGetValue(key, out var tally))
                {
                    tally = tallies[key] = new Tally(points);
                }
                tally.Add(record);
            }
        }
        return [.. tallies.Select(t => t.Value.ToAggregate(treatmentId, t.Key.Area, t.Key.Scope, now))];
    }

    private static IEnumerable<(int, ChartScope)> KeysOf(CountedRecord record)
    {
        yield return (0, ChartScope.Members);
        yield return ((int)record.BodyArea, ChartScope.Members);
        if (record.IsPublic)
        {
            yield return (0, ChartScope.Public);
            yield return ((int)record.BodyArea, ChartScope.Public);
        }
    }

    private sealed class Tally(int points)
    {
        private readonly int[][] _followUps = [.. Enumerable.Range(0, points).Select(_ => new int[PainValues])];
        private readonly int[] _before = new int[PainValues];
        private readonly int[] _after = new int[PainValues];

        // One count per relief bucket, then the stories that gave no time.
        private readonly int[] _relief = new int[TreatmentLabels.ReliefBuckets.Count + 1];
        private readonly int[] _effects = new int[TreatmentLabels.SideEffectList.Count];
        private int _stories;
        private int _yes;
        private int _no;
        private int _unsure;

        public void Add(CountedRecord record)
        {
            _stories++;
            _before[record.PainBefore]++;
            _after[record.PainAfter]++;
            for (var point = 0; point < Math.Min(points, record.FollowUps.Count); point++)
            {
                if (record.FollowUps[point] is { } pain)
                {
                    _followUps[point][pain]++;
                }
            }
            _relief[record.ReliefDays is { } days ? BucketOf(days) : TreatmentLabels.ReliefBuckets.Count]++;
            for (var i = 0; i < TreatmentLabels.SideEffectList.Count; i++)
            {
                if (record.SideEffects.HasFlag(TreatmentLabels.SideEffectList[i].Value))
                {
                    _effects[i]++;
                }
            }
            _ = record.WouldRepeat switch
            {
                WouldRepeat.Yes => _yes++,
                WouldRepeat.No => _no++,
                _ => _unsure++,
            };
        }

        public TreatmentAggregate ToAggregate(int treatmentId, int area, ChartScope scope, DateTime now) => new()
        {
            TreatmentId = treatmentId,
            BodyArea = area,
            Scope = scope,
            Stories = _stories,
            PainBefore = Histogram.Write(_before),
            PainAfter = Histogram.Write(_after),
            Relief = Histogram.Write(_relief),
            SideEffects = Histogram.Write(_effects),
            FollowUpPain = string.Join(';', _followUps.Select(Histogram.Write)),
            AgainYes = _yes,
            AgainNo = _no,
            AgainUnsure = _unsure,
            UpdatedAt = now,
        };

        private static int BucketOf(int days)
        {
            var buckets = TreatmentLabels.ReliefBuckets;
            for (var i = 0; i < buckets.Count; i++)
            {
                if (days <= buckets[i].MaxDays)
                {
                    return i;
                }
            }
            return buckets.Count - 1;
        }
    }
}
