namespace PatientForum.Web.Features.Search;

/// <summary>
/// A search ran past Forum:Search:TimeoutMilliseconds and was stopped; the search page asks the reader for fewer
/// or longer words rather than failing.
/// </summary>
public sealed class SearchTimedOutException(Exception? inner = null) : Exception("The search took too long and was stopped.", inner);
