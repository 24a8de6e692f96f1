namespace PatientForum.Web.Data;

/// <summary>Where the treatment was given. Stored as ints: new areas go at the end.</summary>
public enum BodyArea
{
    Neck = 1,
    Shoulder = 2,
    UpperBack = 3,
    LowerBack = 4,
    Elbow = 5,
    WristOrHand = 6,
    Hip = 7,
    Knee = 8,
    AnkleOrFoot = 9,
    Other = 10,
}

public enum ReliefUnit
{
    Days = 1,
    Weeks = 2,
}

/// <summary>Side effects a record can name, as flags (stored as an int): new ones take the next bit.</summary>
[Flags]
public enum SideEffects
{
    None = 0,
    SorenessAtSite = 1,
    Bruising = 2,
    Swelling = 4,
    PainFlare = 8,
    Headache = 16,
    Dizziness = 32,
    Numbness = 64,
    Infection = 128,
    Other = 256,
}

/// <summary>What the treatment cost the author, in broad bands so that no price identifies a clinic.</summary>
public enum CostBand
{
    NoCost = 1,
    Under250 = 2,
    From250To1000 = 3,
    Over1000 = 4,
}

public enum WouldRepeat
{
    Yes = 1,
    No = 2,
    Unsure = 3,
}

/// <summary>Who a <see cref="TreatmentAggregate"/> row counts for: visitors see public stories, members see those too and members-only ones.</summary>
public enum ChartScope
{
    Public = 0,
    Members = 1,
}
