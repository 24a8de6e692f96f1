namespace PatientForum.Web.Features;

/// <summary>A one-off message page ("check your email", "this thread is locked"), shown by Features/Shared/Message.</summary>
public sealed record MessagePage(string Title, string Text);
