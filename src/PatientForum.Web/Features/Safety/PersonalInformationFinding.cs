namespace PatientForum.Web.Features.Safety;

/// <summary>The kinds of personal information the composer and the server warn about before a story is published.</summary>
public enum PersonalInformationKind
{
    PhoneNumber,
    EmailAddress,
    StreetAddress,
    Postcode,
    DateOfBirth,

    /// <summary>Medical record, hospital, insurance and national ID numbers, and payment card numbers.</summary>
    RecordNumber,

    /// <summary>A clinician's full name or a named hospital in a story that also gives the writer's own name.</summary>
    ClinicianOrHospitalName,
}

/// <summary>One piece of personal information found in a title or body: where it is and what to tell the member.</summary>
public sealed record PersonalInformationFinding(PersonalInformationKind Kind, int Start, int Length)
{
    public int End => Start + Length;

    /// <summary>The plain sentence shown to the member beside the highlighted text.</summary>
    public string Message => MessageFor(Kind);

    public static string MessageFor(PersonalInformationKind kind) => kind switch
    {
        PersonalInformationKind.PhoneNumber => "This looks like a phone number. Stories are public: remove it, or post anyway.",
        PersonalInformationKind.EmailAddress => "This looks like an email address. Stories are public: remove it, or post anyway.",
        PersonalInformationKind.StreetAddress => "This looks like a street address. Stories are public: remove it, or post anyway.",
        PersonalInformationKind.Postcode => "This looks like a postcode or ZIP code. Stories are public: remove it, or post anyway.",
        PersonalInformationKind.DateOfBirth => "This looks like a date of birth. Stories are public: remove it, or post anyway.",
        PersonalInformationKind.RecordNumber =>
            "This looks like a medical record, insurance, ID or card number. Stories are public: remove it, or post anyway.",
        PersonalInformationKind.ClinicianOrHospitalName =>
            "This names a clinician or hospital next to your own name, which could identify you. Stories are public: remove one of them, or post anyway.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    internal bool Overlaps(PersonalInformationFinding other) => Start < other.End && other.Start < End;
}
