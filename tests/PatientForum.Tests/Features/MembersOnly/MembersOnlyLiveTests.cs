using PatientForum.Tests.Features.ScaleOut;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.MembersOnly;

/// <summary>Live updates of members-only threads on one instance: see <see cref="MembersOnlyLive"/>.</summary>
public sealed class MembersOnlyLiveTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task NewMembersOnlyThread_ReachesAMembersPage_NeverAVisitors_WhoseJoinIsRefused() =>
        await MembersOnlyLive.NewThreadAsync(factory, factory, await Members.RegisterConfirmedAsync(factory), await Members.RegisterConfirmedAsync(factory), "rehab");

    [Fact]
    public async Task ThreadMadeMembersOnly_SendsTheVisitorAway_AndOnlyTheMemberHearsWhatFollows() =>
        await MembersOnlyLive.SwitchedThreadAsync(factory, factory, await Members.RegisterConfirmedAsync(factory), await Members.RegisterConfirmedAsync(factory), "biologics");
}

/// <summary>The same through Redis: written through instance A, heard on instance B.</summary>
public sealed class MembersOnlyScaleOutTests(RedisPair pair) : IClassFixture<RedisPair>
{
    [Fact]
    public async Task NewMembersOnlyThread_WrittenOnA_ReachesAMembersPageOnB_NeverAVisitorsOnB() =>
        await MembersOnlyLive.NewThreadAsync(pair.A, pair.B, await Members.RegisterConfirmedAsync(pair.A), await Members.RegisterConfirmedAsync(pair.A), "rehab");

    [Fact]
    public async Task ThreadMadeMembersOnlyOnA_SendsTheVisitorOnBAway_AndOnlyTheMemberOnBHearsWhatFollows() =>
        await MembersOnlyLive.SwitchedThreadAsync(pair.A, pair.B, await Members.RegisterConfirmedAsync(pair.A), await Members.RegisterConfirmedAsync(pair.A), "biologics");
}
