namespace PatientForum.Web.Features;

/// <summary>Where a page sits in a list; pages count from 1.</summary>
public sealed record Paging(int Page, int PageSize, int TotalItems)
{
    public int TotalPages => Math.Max(1, (TotalItems + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < TotalPages;
    public bool IsValid => Page >= 1 && Page <= TotalPages;
    public int Skip => (Page - 1) * PageSize;
}
