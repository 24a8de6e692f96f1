using System.ComponentModel.DataAnnotations;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Treatments;

namespace PatientForum.Tests.Features.Treatments;

/// <summary>The follow-up points by hand: when prompts fall due, where a follow-up is counted, and the figures per point.</summary>
public sealed class FollowUpPointsTests
{
    private static readonly int[] s_days = [42, 91, 365];

    [Theory]
    [InlineData(42, "6 weeks")]
    [InlineData(91, "3 months")]
    [InlineData(365, "12 months")]
    [InlineData(10, "10 days")]
    [InlineData(180, "6 months")]
    public void Label_OfPromptDays_ReadsAsPeopleSayIt(int days, string label) => Assert.Equal(label, FollowUpPoints.Label(days));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(3, 1)]
    [InlineData(7, 1)]
    [InlineData(8, 2)]
    [InlineData(30, 2)]
    public void PointOf_MonthsSinceTreatment_IsTheNearestPoint(int months, int point) => Assert.Equal(point, FollowUpPoints.PointOf(months, s_days));

    [Fact]
    public void LatestDueMonth_AroundTheDueTime_AgreesWithDueAt()
    {
        // A March 2025 treatment: its 3-month prompt is due 15 March, 12:00, plus 91 days: 14 June 2025, 12:00.
        var due = FollowUpPoints.DueAt(2025, 3, 91);
        Assert.Equal(new DateTime(2025, 6, 14, 12, 0, 0, DateTimeKind.Utc), due);
        Assert.Equal(2025 * 12 + 2, FollowUpPoints.LatestDueMonth(91, due.AddMinutes(-1)));
        Assert.Equal(2025 * 12 + 3, FollowUpPoints.LatestDueMonth(91, due));
    }

    [Fact]
    public void Figures_WithFollowUps_GiveEachPointItsOwnNAndHideSmallOnes()
    {
        var records = Enumerable.Range(0, 5).Select(i => new CountedRecord(BodyArea.Knee, 8, 4, null, null, SideEffects.None, WouldRepeat.Yes, true)
        {
            // Five stories at 3 months (pain 1 to 5), one at 6 weeks.
            FollowUps = [i == 0 ? 6 : null, i + 1, null],
        }).ToList();

        var row = AggregateCounter.Count(1, records, DateTime.UnixEpoch, s_days.Length).Single(r => r.BodyArea == 0 && r.Scope == ChartScope.Public);
        var points = TreatmentFigures.From(row, 5, s_days).OverTime;

        Assert.Equal(["before", "after", "6-weeks", "3-months", "12-months"], points.Select(p => p.Key).ToArray());
        Assert.Equal((5, 8.0), (points[0].Stories, points[0].Spread.Median!.Value));
        Assert.Equal((1, false, (double?)null), (points[2].Stories, points[2].Shown, points[2].Spread.Median));
        Assert.Equal((5, true), (points[3].Stories, points[3].Shown));
        Assert.Equal(new Spread(3, 2, 4), points[3].Spread);
        Assert.Equal(0, points[4].Stories);
    }

    [Theory]
    [InlineData(new[] { 91, 42 })]
    [InlineData(new[] { 0, 42 })]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7 })]
    public void Options_WithPromptsOutOfOrderOrRange_AreRefused(int[] days)
    {
        var options = new TreatmentOptions { FollowUpPrompts = days };

        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains("Forum:Treatments:FollowUpPrompts", results.Single().ErrorMessage, StringComparison.Ordinal);
    }
}
