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

    /// <summary>
    /// Takes <paramref name="removed"/> out of <paramref name="rows"/> (one treatment's rows as stored) and adds
    /// <paramref name="added"/>, changing the rows in place; returns the rows to add (an area or scope the treatment had no
    /// story in yet) and those to delete (an area left with none), so that the rows are those <see cref="Count"/> would
    /// make from the records as they now are. Either record may be null (added, or no longer counted).
    /// </summary>
    public static (List<TreatmentAggregate> Added, List<TreatmentAggregate> Emptied) Apply(
        int treatmentId, List<TreatmentAggregate> rows, CountedRecord? removed, CountedRecord? added, DateTime now, int points)
    {
        var byKey = rows.ToDictionary(r => (r.BodyArea, r.Scope));
        var tallies = new Dictionary<(int Area, ChartScope Scope), Tally>();
        Tally TallyOf((int, ChartScope) key) => tallies.TryGetValue(key, out var tally)
            ? tally
            : tallies[key] = byKey.TryGetValue(key, out var row) ? Tally.Of(row, points) : new Tally(points);
        TallyOf((0, ChartScope.Public));
        TallyOf((0, ChartScope.Members));
        foreach (var key in removed is null ? [] : KeysOf(removed))
        {
            TallyOf(key).Add(removed!, -1);
        }
        foreach (var key in added is null ? [] : KeysOf(added))
        {
            TallyOf(key).Add(added!, 1);
        }
        var (fresh, emptied) = (new List<TreatmentAggregate>(), new List<TreatmentAggregate>());
        foreach (var ((area, scope), tally) in tallies)
        {
            var counted = tally.ToAggregate(treatmentId, area, scope, now);
            if (!byKey.TryGetValue((area, scope), out var row))
            {
                fresh.Add(counted);
            }
            else if (counted.Stories == 0 && area != 0)
            {
                emptied.Add(row);
            }
            else
            {
                CopyCounts(counted, row);
            }
        }
        return (fresh, emptied);
    }

    private static void CopyCounts(TreatmentAggregate from, TreatmentAggregate to)
    {
        (to.Stories, to.PainBefore, to.PainAfter, to.Relief, to.SideEffects, to.FollowUpPain) =
            (from.Stories, from.PainBefore, from.PainAfter, from.Relief, from.SideEffects, from.FollowUpPain);
        (to.AgainYes, to.AgainNo, to.AgainUnsure, to.UpdatedAt) = (from.AgainYes, from.AgainNo, from.AgainUnsure, from.UpdatedAt);
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

        /// <summary>The counts a stored row holds, to add to or take from.</summary>
        public static Tally Of(TreatmentAggregate row, int points)
        {
            var tally = new Tally(points);
            Histogram.Read(row.PainBefore, PainValues).CopyTo(tally._before);
            Histogram.Read(row.PainAfter, PainValues).CopyTo(tally._after);
            Histogram.Read(row.Relief, tally._relief.Length).CopyTo(tally._relief);
            Histogram.Read(row.SideEffects, tally._effects.Length).CopyTo(tally._effects);
            var stored = row.FollowUpPain.Length == 0 ? [] : row.FollowUpPain.Split(';');
            for (var point = 0; point < Math.Min(points, stored.Length); point++)
            {
                Histogram.Read(stored[point], PainValues).CopyTo(tally._followUps[point]);
            }
            (tally._stories, tally._yes, tally._no, tally._unsure) = (row.Stories, row.AgainYes, row.AgainNo, row.AgainUnsure);
            return tally;
        }

        /// <summary>Counts the record in (<paramref name="sign"/> 1) or takes it out again (-1).</summary>
        public void Add(CountedRecord record, int sign = 1)
        {
            _stories += sign;
            _before[record.PainBefore] += sign;
            _after[record.PainAfter] += sign;
            for (var point = 0; point < Math.Min(points, record.FollowUps.Count); point++)
            {
                if (record.FollowUps[point] is { } pain)
                {
                    _followUps[point][pain] += sign;
                }
            }
            _relief[record.ReliefDays is { } days ? BucketOf(days) : TreatmentLabels.ReliefBuckets.Count] += sign;
            for (var i = 0; i < TreatmentLabels.SideEffectList.Count; i++)
            {
                if (record.SideEffects.HasFlag(TreatmentLabels.SideEffectList[i].Value))
                {
                    _effects[i] += sign;
                }
            }
            _ = record.WouldRepeat switch
            {
                WouldRepeat.Yes => _yes += sign,
                WouldRepeat.No => _no += sign,
                _ => _unsure += sign,
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
