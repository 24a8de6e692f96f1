using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Moderation;

/// <summary>How each flag reason reads on the form and in the queue.</summary>
public static class FlagReasons
{
    public static IReadOnlyList<(FlagReason Reason, string Label)> All { get; } =
    [
        (FlagReason.Spam, "Spam"),
        (FlagReason.Harassment, "Harassment or hate"),
        (FlagReason.MedicalMisinformation, "Medical misinformation, or telling others what to take"),
        (FlagReason.PersonalInformation, "Personal information exposed"),
        (FlagReason.SelfHarm, "Concern about self-harm"),
        (FlagReason.OffTopic, "Off-topic"),
        (FlagReason.Other, "Something else"),
    ];

    public static string Label(FlagReason reason) => All.First(r => r.Reason == reason).Label;
}
