namespace PatientForum.Web.Data;

/// <summary>A message sent through the contact page. Saved, with its mail to the moderators, before the sender sees success.</summary>
public class ContactSubmission
{
    public int Id { get; set; }

    /// <summary>The number the sender is shown and can quote, e.g. PF-7K3M9Q2A.</summary>
    public required string Reference { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public ContactSubject Subject { get; set; }
    public required string Message { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? HandledAt { get; set; }
    public string? HandledById { get; set; }
    public List<OutboxMessage> Deliveries { get; } = [];
}

public enum ContactSubject
{
    Question = 0,
    Problem = 1,
    Privacy = 2,
    Other = 3,
}
