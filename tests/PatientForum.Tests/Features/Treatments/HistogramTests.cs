using PatientForum.Web.Data;
using PatientForum.Web.Features.Treatments;

namespace PatientForum.Tests.Features.Treatments;

public sealed class HistogramTests
{
    [Fact]
    public void Quantile_OfFourValues_InterpolatesBetweenRanks()
    {
        // Values 1, 2, 3, 4: ranks (n − 1) × p = 0.75, 1.5, 2.25.
        int[] counts = [0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0];

        Assert.Equal(1.75, Histogram.Quantile(counts, 0.25));
        Assert.Equal(2.5, Histogram.Quantile(counts, 0.5));
        Assert.Equal(3.25, Histogram.Quantile(counts, 0.75));
    }

    [Fact]
    public void Quantile_OfRepeatedValues_ReadsThroughTheCounts()
    {
        // Values 0, 0, 0, 10: the median is 0 and the upper quartile (rank 2.25) lies between 0 and 10.
        int[] counts = [3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];

        Assert.Equal(0, Histogram.Quantile(counts, 0.5));
        Assert.Equal(2.5, Histogram.Quantile(counts, 0.75));
        Assert.Null(Histogram.Quantile(new int[11], 0.5));
    }

    [Fact]
    public void Count_MembersOnlyRecord_CountsInMembersScopeOnly()
    {
        CountedRecord[] records =
        [
            new(BodyArea.Knee, 7, 2, 3, ReliefUnit.Weeks, SideEffects.Swelling, WouldRepeat.Yes, IsPublic: true),
            new(BodyArea.Hip, 5, 5, null, null, SideEffects.None, WouldRepeat.No, IsPublic: false),
        ];

        var rows = AggregateCounter.Count(1, records, DateTime.UnixEpoch);

        var all = rows.ToDictionary(r => (r.BodyArea, r.Scope));
        Assert.Equal(1, all[(0, ChartScope.Public)].Stories);
        Assert.Equal(2, all[(0, ChartScope.Members)].Stories);
        Assert.False(all.ContainsKey(((int)BodyArea.Hip, ChartScope.Public)));
        Assert.Equal("0,1,0,0,1", all[(0, ChartScope.Members)].Relief);
        Assert.Equal("0,0,1,0,0,0,0,0,0", all[(0, ChartScope.Public)].SideEffects);
        Assert.Equal((1, 1, 0), (all[(0, ChartScope.Members)].AgainYes, all[(0, ChartScope.Members)].AgainNo, all[(0, ChartScope.Members)].AgainUnsure));
    }
}
